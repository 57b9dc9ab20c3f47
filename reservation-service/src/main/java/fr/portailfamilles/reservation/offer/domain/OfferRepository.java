package fr.portailfamilles.reservation.offer.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import fr.portailfamilles.reservation.structure.domain.StructureKind;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads the offer (activities, age groups, periods with their closed dates). */
@Repository
public class OfferRepository {

    private final DatabaseClient database;

    public OfferRepository(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Activity> activity(UUID id) {
        return database.sql("SELECT a.*, s.name AS structure_name FROM activity a JOIN structure s ON s.id = a.structure_id WHERE a.id = :id")
                .bind("id", id).map(row -> activity(row)).one();
    }

    public Flux<Activity> activities() {
        return database.sql("SELECT a.*, s.name AS structure_name FROM activity a JOIN structure s ON s.id = a.structure_id ORDER BY s.name, a.name")
                .map(row -> activity(row)).all();
    }

    public Flux<AgeGroup> ageGroups(UUID activityId) {
        return database.sql("SELECT * FROM age_group WHERE activity_id = :id ORDER BY min_age")
                .bind("id", activityId)
                .map(row -> new AgeGroup(row.get("id", UUID.class), row.get("activity_id", UUID.class), row.get("label", String.class),
                        row.get("min_age", Integer.class), row.get("max_age", Integer.class), row.get("daily_capacity", Integer.class)))
                .all();
    }

    public Mono<Period> period(UUID id) {
        return periods("WHERE p.id = :id", id).singleOrEmpty();
    }

    /** Periods whose booking has not closed yet: open or upcoming. */
    public Flux<Period> periodsNotClosed(Instant now) {
        return database.sql("SELECT id FROM period WHERE booking_closes_at > :now ORDER BY start_date, name")
                .bind("now", now).map(row -> row.get("id", UUID.class)).all()
                .concatMap(this::period);
    }

    public Flux<Period> periodsOf(UUID activityId) {
        return periods("WHERE p.activity_id = :id", activityId);
    }

    private Flux<Period> periods(String where, UUID id) {
        return database.sql("""
                        SELECT p.*, coalesce((SELECT json_object_agg(c.date, c.reason)::text FROM period_closed_date c
                                              WHERE c.period_id = p.id), '{}') AS closed
                        FROM period p
                        """ + where + " ORDER BY p.start_date")
                .bind("id", id)
                .map(row -> period(row)).all();
    }

    private static Activity activity(Readable row) {
        return new Activity(row.get("id", UUID.class), row.get("structure_id", UUID.class), row.get("structure_name", String.class),
                row.get("name", String.class), StructureKind.valueOf(row.get("kind", String.class)),
                row.get("min_age", Integer.class), row.get("max_age", Integer.class), row.get("required_dossier", String.class),
                row.get("deadline_days", Integer.class), row.get("cutoff_time", LocalTime.class), row.get("working_days", Boolean.class),
                Activity.LateCancellation.valueOf(row.get("late_cancellation", String.class)),
                Activity.WaitlistPolicy.valueOf(row.get("waitlist_policy", String.class)), row.get("offer_hours", Integer.class));
    }

    private static Period period(Readable row) {
        Integer[] weekdays = row.get("open_weekdays", Integer[].class);
        Set<DayOfWeek> open = Arrays.stream(weekdays).map(DayOfWeek::of).collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(DayOfWeek.class)));
        Map<LocalDate, String> closed = new TreeMap<>();
        String json = row.get("closed", String.class);
        // {"2027-07-14" : "Fête nationale", ...}
        tools.jackson.databind.json.JsonMapper.shared().readValue(json, LinkedHashMap.class)
                .forEach((date, reason) -> closed.put(LocalDate.parse((String) date), (String) reason));
        return new Period(row.get("id", UUID.class), row.get("activity_id", UUID.class), row.get("name", String.class),
                row.get("start_date", LocalDate.class), row.get("end_date", LocalDate.class), open,
                row.get("booking_opens_at", Instant.class), row.get("everyone_opens_at", Instant.class),
                row.get("booking_closes_at", Instant.class), closed,
                new WaitingRoom(row.get("waiting_room_enabled", Boolean.class), row.get("waiting_room_pace_per_minute", Integer.class)));
    }
}

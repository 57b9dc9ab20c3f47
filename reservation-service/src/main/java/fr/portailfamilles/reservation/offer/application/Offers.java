package fr.portailfamilles.reservation.offer.application;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.portailfamilles.platform.web.ProblemException;
import fr.portailfamilles.reservation.offer.domain.Activity;
import fr.portailfamilles.reservation.offer.domain.AgeGroup;
import fr.portailfamilles.reservation.offer.domain.BookingWindow;
import fr.portailfamilles.reservation.offer.domain.OfferRepository;
import fr.portailfamilles.reservation.offer.domain.Period;
import fr.portailfamilles.reservation.offer.domain.Unit;
import fr.portailfamilles.reservation.offer.domain.WaitingRoom;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff set up activities, their age groups and periods; a period's days and places are created with it. */
@Service
public class Offers {

    private final DatabaseClient database;
    private final OfferRepository offer;

    public Offers(DatabaseClient database, OfferRepository offer) {
        this.database = database;
        this.offer = offer;
    }

    public Flux<Activity> activities() {
        return offer.activities();
    }

    public Mono<Activity> activity(UUID id) {
        return offer.activity(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Activité")));
    }

    public Flux<AgeGroup> ageGroups(UUID activityId) {
        return offer.ageGroups(activityId);
    }

    public Mono<Period> period(UUID id) {
        return offer.period(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Période")));
    }

    public Flux<Period> periodsOf(UUID activityId) {
        return offer.periodsOf(activityId);
    }

    @Transactional
    public Mono<Activity> createActivity(ActivityForm form) {
        if (form.minAge() > form.maxAge()) {
            return Mono.error(ProblemException.invalid("age-range-invalid", "L'âge minimum dépasse l'âge maximum."));
        }
        for (ActivityForm.AgeGroupForm group : form.ageGroups()) {
            if (group.minAge() > group.maxAge()) {
                return Mono.error(ProblemException.invalid("age-range-invalid",
                        "Dans la tranche « " + group.label() + " », l'âge minimum dépasse l'âge maximum."));
            }
        }
        if (form.waitlistPolicy() == Activity.WaitlistPolicy.OFFER && form.offerHours() == null) {
            return Mono.error(ProblemException.invalid("offer-hours-required",
                    "Indiquez pendant combien d'heures une place libérée est proposée (offerHours)."));
        }
        return database.sql("SELECT kind FROM structure WHERE id = :id").bind("id", form.structureId())
                .map(row -> row.get("kind", String.class)).one()
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Structure")))
                .then(insertActivity(form))
                .flatMap(id -> Flux.fromIterable(form.ageGroups()).concatMap(group -> database.sql("""
                                INSERT INTO age_group (activity_id, label, min_age, max_age, daily_capacity)
                                VALUES (:activityId, :label, :minAge, :maxAge, :capacity)""")
                        .bind("activityId", id).bind("label", group.label().strip()).bind("minAge", group.minAge())
                        .bind("maxAge", group.maxAge()).bind("capacity", group.dailyCapacity()).then())
                        .then(offer.activity(id)));
    }

    private Mono<UUID> insertActivity(ActivityForm form) {
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        INSERT INTO activity (structure_id, name, kind, min_age, max_age, required_dossier, deadline_days, cutoff_time,
                                              working_days, late_cancellation, waitlist_policy, offer_hours)
                        VALUES (:structureId, :name, :kind, :minAge, :maxAge, :dossier, :deadlineDays, :cutoff, :workingDays,
                                :late, :waitlist, :offerHours)
                        RETURNING id""")
                .bind("structureId", form.structureId()).bind("name", form.name().strip()).bind("kind", form.kind().name())
                .bind("minAge", form.minAge()).bind("maxAge", form.maxAge()).bind("dossier", form.requiredDossier())
                .bind("deadlineDays", form.deadlineDays()).bind("cutoff", form.cutoffTime()).bind("workingDays", form.workingDays())
                .bind("late", form.lateCancellation().name()).bind("waitlist", form.waitlistPolicy().name());
        insert = form.offerHours() == null ? insert.bindNull("offerHours", Integer.class) : insert.bind("offerHours", form.offerHours());
        return insert.map(row -> row.get("id", UUID.class)).one()
                .onErrorMap(DuplicateKeyException.class, duplicate -> ProblemException.conflict("activity-exists",
                        "Cette structure propose déjà une activité nommée « " + form.name().strip() + " »."));
    }

    /** Creates the period, its closed dates, and for every open day one row of places per age group and half-day. */
    @Transactional
    public Mono<Period> createPeriod(UUID activityId, PeriodForm form) {
        if (form.endDate().isBefore(form.startDate()) || ChronoUnit.DAYS.between(form.startDate(), form.endDate()) > 366) {
            return Mono.error(ProblemException.invalid("period-dates-invalid", "La fin de la période doit suivre son début (un an au plus)."));
        }
        Optional<String> windowRefusal = new BookingWindow(form.bookingOpensAt(), form.everyoneOpensAt(), form.bookingClosesAt()).refusal();
        if (windowRefusal.isPresent()) {
            return Mono.error(ProblemException.invalid("booking-window-invalid", windowRefusal.get()));
        }
        List<PeriodForm.ClosedDate> closed = form.closedDates() == null ? List.of() : form.closedDates();
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        INSERT INTO period (activity_id, name, start_date, end_date, open_weekdays, booking_opens_at, everyone_opens_at,
                                            booking_closes_at, waiting_room_enabled, waiting_room_pace_per_minute)
                        VALUES (:activityId, :name, :start, :end, :weekdays, :opensAt, :everyoneAt, :closesAt, :roomEnabled, :roomPace)
                        RETURNING id""")
                .bind("activityId", activityId).bind("name", form.name().strip()).bind("start", form.startDate())
                .bind("end", form.endDate())
                .bind("weekdays", form.openWeekdays().stream().map(day -> day.getValue()).sorted().toArray(Integer[]::new))
                .bind("opensAt", form.bookingOpensAt()).bind("closesAt", form.bookingClosesAt())
                .bind("roomEnabled", form.waitingRoomOrNone().enabled()).bind("roomPace", form.waitingRoomOrNone().paceLimitPerMinute());
        insert = form.everyoneOpensAt() == null ? insert.bindNull("everyoneAt", java.time.Instant.class)
                : insert.bind("everyoneAt", form.everyoneOpensAt());
        Mono<UUID> created = insert.map(row -> row.get("id", UUID.class)).one();
        return activity(activityId)
                .then(created)
                .flatMap(id -> Flux.fromIterable(closed).concatMap(day -> database.sql("""
                                INSERT INTO period_closed_date (period_id, date, reason) VALUES (:id, :date, :reason)
                                ON CONFLICT DO NOTHING""")
                        .bind("id", id).bind("date", day.date()).bind("reason", day.reason().strip()).then())
                        .then(offer.period(id)))
                .flatMap(period -> createDays(period).thenReturn(period));
    }

    /** Turns a period's waiting room on or off, or changes its pace; the opening stays the period's bookingOpensAt. */
    public Mono<Period> setWaitingRoom(UUID periodId, WaitingRoom room) {
        return database.sql("UPDATE period SET waiting_room_enabled = :enabled, waiting_room_pace_per_minute = :pace WHERE id = :id")
                .bind("enabled", room.enabled()).bind("pace", room.paceLimitPerMinute()).bind("id", periodId)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 0 ? Mono.<Period>error(ProblemException.notFound("Période")) : period(periodId));
    }

    private Mono<Void> createDays(Period period) {
        LocalDate[] days = period.openDays().toArray(LocalDate[]::new);
        return database.sql("""
                        INSERT INTO day_slot (period_id, date, age_group_id, half, capacity)
                        SELECT :periodId, d, g.id, h, g.daily_capacity
                        FROM unnest(CAST(:days AS date[])) d, age_group g, unnest(CAST(:halves AS text[])) h
                        WHERE g.activity_id = :activityId""")
                .bind("periodId", period.id()).bind("days", days).bind("activityId", period.activityId())
                .bind("halves", new String[] { Unit.Half.MATIN.name(), Unit.Half.APRES_MIDI.name() })
                .then()
                .then(database.sql("""
                                INSERT INTO day_queue (period_id, date, age_group_id)
                                SELECT :periodId, d, g.id FROM unnest(CAST(:days AS date[])) d, age_group g WHERE g.activity_id = :activityId""")
                        .bind("periodId", period.id()).bind("days", days).bind("activityId", period.activityId())
                        .then());
    }

    /**
     * Sets the places of one day and age group (both half-days). Never below what is already booked: the
     * database refuses it (CHECK booked <= capacity) and the answer says so.
     */
    @Transactional
    public Mono<Void> setDayCapacity(UUID periodId, LocalDate date, UUID ageGroupId, int capacity) {
        return database.sql("UPDATE day_slot SET capacity = :capacity WHERE period_id = :periodId AND date = :date AND age_group_id = :group")
                .bind("capacity", capacity).bind("periodId", periodId).bind("date", date).bind("group", ageGroupId)
                .fetch().rowsUpdated()
                .onErrorMap(DataIntegrityViolationException.class, tooLow -> ProblemException.conflict("capacity-below-booked",
                        "Des places sont déjà réservées ce jour-là : annulez des réservations avant de réduire la capacité."))
                .flatMap(updated -> updated == 0 ? Mono.error(ProblemException.notFound("Jour ou tranche d'âge")) : Mono.<Void>empty());
    }

    /**
     * The capacity board of a period: per day and age group, booked / capacity per half-day (booked counts the places
     * held for waiting-list offers), waiting children, places offered and not answered yet ({@code offered}), meals.
     */
    public Flux<BoardRow> board(UUID periodId) {
        return period(periodId).flatMapMany(period -> database.sql("""
                        SELECT s.date, g.label, g.id AS group_id,
                               max(s.capacity) FILTER (WHERE s.half = 'MATIN') AS morning_capacity,
                               max(s.booked) FILTER (WHERE s.half = 'MATIN') AS morning_booked,
                               max(s.capacity) FILTER (WHERE s.half = 'APRES_MIDI') AS afternoon_capacity,
                               max(s.booked) FILTER (WHERE s.half = 'APRES_MIDI') AS afternoon_booked,
                               (SELECT count(*) FROM reservation r WHERE r.period_id = s.period_id AND r.date = s.date
                                   AND r.age_group_id = s.age_group_id AND r.status = 'WAITLISTED') AS waiting,
                               (SELECT count(*) FROM reservation r WHERE r.period_id = s.period_id AND r.date = s.date
                                   AND r.age_group_id = s.age_group_id AND r.status = 'OFFERED') AS offered,
                               max(q.meals) AS meals
                        FROM day_slot s JOIN age_group g ON g.id = s.age_group_id
                        JOIN day_queue q ON q.period_id = s.period_id AND q.date = s.date AND q.age_group_id = s.age_group_id
                        WHERE s.period_id = :periodId
                        GROUP BY s.period_id, s.date, s.age_group_id, g.label, g.id, g.min_age
                        ORDER BY s.date, g.min_age""")
                .bind("periodId", periodId)
                .map(row -> new BoardRow(row.get("date", LocalDate.class), row.get("group_id", UUID.class), row.get("label", String.class),
                        row.get("morning_booked", Integer.class), row.get("morning_capacity", Integer.class),
                        row.get("afternoon_booked", Integer.class), row.get("afternoon_capacity", Integer.class),
                        row.get("waiting", Long.class), row.get("offered", Long.class), row.get("meals", Integer.class)))
                .all());
    }

    public record BoardRow(LocalDate date, UUID ageGroupId, String ageGroup, int morningBooked, int morningCapacity,
            int afternoonBooked, int afternoonCapacity, long waiting, long offered, int meals) {
    }
}

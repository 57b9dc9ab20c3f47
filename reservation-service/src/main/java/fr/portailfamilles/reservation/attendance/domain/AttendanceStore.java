package fr.portailfamilles.reservation.attendance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import fr.portailfamilles.reservation.offer.domain.Unit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The attendance list of a structure on a day and its pointage (owner of {@code attendance_mark}). */
@Repository
public class AttendanceStore {

    private final DatabaseClient database;

    public AttendanceStore(DatabaseClient database) {
        this.database = database;
    }

    /** The children confirmed that day, by surname then first name; as long as the day's capacity, so unpaged. */
    public Flux<AttendanceRow> list(UUID structureId, LocalDate date) {
        return database.sql("""
                        SELECT r.id, r.family_id, f.family_name, r.child_id, c.first_name, r.date, r.unit, a.name AS activity_name,
                               m.status AS mark, m.arrived_at, m.marked_at
                        FROM reservation r JOIN period p ON p.id = r.period_id JOIN activity a ON a.id = p.activity_id
                             LEFT JOIN child c ON c.id = r.child_id LEFT JOIN family f ON f.id = r.family_id
                             LEFT JOIN attendance_mark m ON m.reservation_id = r.id
                        WHERE a.structure_id = :structureId AND r.date = :date AND r.status = 'CONFIRMED'
                        ORDER BY f.family_name, c.first_name, r.id""")
                .bind("structureId", structureId).bind("date", date)
                .map(row -> {
                    String unit = row.get("unit", String.class);
                    String mark = row.get("mark", String.class);
                    return new AttendanceRow(row.get("id", UUID.class), row.get("family_id", UUID.class),
                            row.get("family_name", String.class), row.get("child_id", UUID.class), row.get("first_name", String.class),
                            row.get("date", LocalDate.class), unit, Unit.valueOf(unit).meal(), row.get("activity_name", String.class),
                            mark == null ? null : AttendanceStatus.valueOf(mark), row.get("arrived_at", LocalTime.class),
                            row.get("marked_at", Instant.class));
                })
                .all();
    }

    /** Marks a confirmed reservation (the latest mark wins); false when there is no confirmed reservation with that id. */
    public Mono<Boolean> mark(UUID reservationId, AttendanceStatus status, LocalTime arrivedAt, UUID staffId, Instant now) {
        return database.sql("""
                        INSERT INTO attendance_mark (reservation_id, status, arrived_at, marked_by, marked_at)
                        SELECT id, :status, :arrivedAt, :staffId, :now FROM reservation WHERE id = :id AND status = 'CONFIRMED'
                        ON CONFLICT (reservation_id) DO UPDATE SET status = EXCLUDED.status, arrived_at = EXCLUDED.arrived_at,
                            marked_by = EXCLUDED.marked_by, marked_at = EXCLUDED.marked_at""")
                .bind("id", reservationId).bind("status", status.name())
                .bind("arrivedAt", Parameter.fromOrEmpty(arrivedAt, LocalTime.class))
                .bind("staffId", staffId).bind("now", now)
                .fetch().rowsUpdated().map(updated -> updated == 1);
    }
}

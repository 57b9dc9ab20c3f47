package fr.portailfamilles.reservation.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import fr.portailfamilles.reservation.offer.domain.Unit;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reservations, always read with their live waiting-list position. */
@Repository
public class ReservationStore {

    private static final String SELECT = """
            SELECT r.*, c.first_name, p.name AS period_name, s.name AS structure_name,
                   CASE WHEN r.status = 'WAITLISTED' THEN (
                       SELECT count(*) FROM reservation w
                       WHERE w.period_id = r.period_id AND w.date = r.date AND w.age_group_id = r.age_group_id
                         AND w.status = 'WAITLISTED' AND w.waitlist_seq <= r.waitlist_seq) END AS rank
            FROM reservation r LEFT JOIN child c ON c.id = r.child_id
                 JOIN period p ON p.id = r.period_id JOIN activity a ON a.id = p.activity_id JOIN structure s ON s.id = a.structure_id
            """;

    private final DatabaseClient database;

    public ReservationStore(DatabaseClient database) {
        this.database = database;
    }

    public Mono<UUID> insert(UUID bookingId, UUID familyId, UUID childId, UUID periodId, UUID ageGroupId, LocalDate date, Unit unit,
            ReservationStatus status, Integer waitlistSeq, String bookedBy, String reason, Instant now) {
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        INSERT INTO reservation (booking_id, family_id, child_id, period_id, age_group_id, date, unit, status, waitlist_seq,
                                                 booked_by, reason, created_at, updated_at)
                        VALUES (:bookingId, :familyId, :childId, :periodId, :group, :date, :unit, :status, :seq, :bookedBy, :reason, :now, :now)
                        RETURNING id""")
                .bind("bookingId", bookingId).bind("familyId", familyId).bind("childId", childId).bind("periodId", periodId)
                .bind("group", ageGroupId).bind("date", date).bind("unit", unit.name()).bind("status", status.name())
                .bind("bookedBy", bookedBy).bind("now", now);
        insert = waitlistSeq == null ? insert.bindNull("seq", Integer.class) : insert.bind("seq", waitlistSeq);
        insert = reason == null ? insert.bindNull("reason", String.class) : insert.bind("reason", reason);
        return insert.map(row -> row.get("id", UUID.class)).one();
    }

    /** A new reservation's id and its place in the day's waiting list (null when confirmed). */
    public record Inserted(UUID id, Integer waitlistSeq) {
    }

    /**
     * Puts a child on the day's waiting list in one statement: the next sequence number is taken from the day's counter
     * row (locked until commit, so gap-free and in arrival order, as {@link CapacityLedger#nextWaitlistSeq}) and the
     * reservation inserted with it. Call inside the booking's transaction.
     */
    public Mono<Inserted> insertWaitlisted(UUID bookingId, UUID familyId, UUID childId, UUID periodId, UUID ageGroupId, LocalDate date,
            Unit unit, String bookedBy, String reason, Instant now) {
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        WITH next AS (UPDATE day_queue SET next_rank = next_rank + 1
                                      WHERE period_id = :periodId AND date = :date AND age_group_id = :group
                                      RETURNING next_rank - 1 AS seq)
                        INSERT INTO reservation (booking_id, family_id, child_id, period_id, age_group_id, date, unit, status, waitlist_seq,
                                                 booked_by, reason, created_at, updated_at)
                        SELECT :bookingId, :familyId, :childId, :periodId, :group, :date, :unit, 'WAITLISTED', next.seq, :bookedBy, :reason,
                               :now, :now
                        FROM next
                        RETURNING id, waitlist_seq""")
                .bind("bookingId", bookingId).bind("familyId", familyId).bind("childId", childId).bind("periodId", periodId)
                .bind("group", ageGroupId).bind("date", date).bind("unit", unit.name()).bind("bookedBy", bookedBy).bind("now", now);
        insert = reason == null ? insert.bindNull("reason", String.class) : insert.bind("reason", reason);
        return insert.map(row -> new Inserted(row.get("id", UUID.class), row.get("waitlist_seq", Integer.class))).one();
    }

    /**
     * The live rank of a waiting reservation, as {@link #find} computes it. A statement of its own, after the insert: its
     * snapshot sees every earlier number (their transactions held the counter row until they committed).
     */
    public Mono<Integer> waitlistRank(UUID periodId, LocalDate date, UUID ageGroupId, int waitlistSeq) {
        return database.sql("""
                        SELECT count(*) AS rank FROM reservation
                        WHERE period_id = :periodId AND date = :date AND age_group_id = :group AND status = 'WAITLISTED'
                          AND waitlist_seq <= :seq""")
                .bind("periodId", periodId).bind("date", date).bind("group", ageGroupId).bind("seq", waitlistSeq)
                .map(row -> row.get("rank", Long.class).intValue()).one();
    }

    public Mono<Reservation> find(UUID id) {
        return database.sql(SELECT + " WHERE r.id = :id").bind("id", id).map(row -> reservation(row)).one();
    }

    /** Null family: any family (staff). */
    public Mono<Reservation> findOfFamily(UUID id, UUID familyId) {
        return find(id).filter(found -> familyId == null || found.familyId().equals(familyId));
    }

    public Flux<Reservation> ofFamily(UUID familyId) {
        return database.sql(SELECT + " WHERE r.family_id = :familyId ORDER BY r.date, c.first_name, r.created_at")
                .bind("familyId", familyId).map(row -> reservation(row)).all();
    }

    public Flux<Reservation> ofChildInPeriod(UUID childId, UUID periodId) {
        return database.sql(SELECT + " WHERE r.child_id = :childId AND r.period_id = :periodId ORDER BY r.date, r.updated_at")
                .bind("childId", childId).bind("periodId", periodId).map(row -> reservation(row)).all();
    }

    public Mono<Boolean> liveExists(UUID childId, UUID periodId, LocalDate date) {
        // EXISTS and one(): the result is read to its end, never cancelled half-way (which can return the connection mid-protocol).
        return database.sql("""
                        SELECT EXISTS (SELECT 1 FROM reservation WHERE child_id = :childId AND period_id = :periodId AND date = :date
                                       AND status <> 'CANCELLED') AS live""")
                .bind("childId", childId).bind("periodId", periodId).bind("date", date)
                .map(row -> row.get("live", Boolean.class)).one();
    }

    /** Children waiting on a day and age group, first in line first. */
    public Flux<Reservation> waiting(UUID periodId, LocalDate date, UUID ageGroupId) {
        return database.sql(SELECT + """
                         WHERE r.period_id = :periodId AND r.date = :date AND r.age_group_id = :group AND r.status = 'WAITLISTED'
                        ORDER BY r.waitlist_seq""")
                .bind("periodId", periodId).bind("date", date).bind("group", ageGroupId)
                .map(row -> reservation(row)).all();
    }

    /** Moves a reservation from one status to another; emits false when it was no longer in {@code from} (a concurrent change). */
    public Mono<Boolean> transition(UUID id, ReservationStatus from, ReservationStatus to, boolean late, boolean billable, String reason,
            Instant now) {
        DatabaseClient.GenericExecuteSpec update = database.sql("""
                        UPDATE reservation SET status = :to, late = :late, billable = :billable, updated_at = :now,
                               reason = coalesce(:reason, reason)
                        WHERE id = :id AND status = :from""")
                .bind("to", to.name()).bind("late", late).bind("billable", billable).bind("now", now)
                .bind("id", id).bind("from", from.name());
        update = reason == null ? update.bindNull("reason", String.class) : update.bind("reason", reason);
        return update.fetch().rowsUpdated().map(updated -> updated == 1);
    }

    /**
     * Holds the place a waiting child was just given (already taken in {@code day_slot}) as an offer until
     * {@code expiresAt}; emits false when the child no longer waits (a concurrent change).
     */
    public Mono<Boolean> offer(UUID id, Instant expiresAt, Instant now) {
        return database.sql("""
                        UPDATE reservation SET status = 'OFFERED', offer_expires_at = :expiresAt, updated_at = :now
                        WHERE id = :id AND status = 'WAITLISTED'""")
                .bind("expiresAt", expiresAt).bind("now", now).bind("id", id)
                .fetch().rowsUpdated().map(updated -> updated == 1);
    }

    /** Accepts an offer still open at {@code now}; emits false when it is not OFFERED any more or has expired. */
    public Mono<Boolean> acceptOffer(UUID id, Instant now) {
        return database.sql("""
                        UPDATE reservation SET status = 'CONFIRMED', offer_expires_at = NULL, updated_at = :now
                        WHERE id = :id AND status = 'OFFERED' AND offer_expires_at > :now""")
                .bind("now", now).bind("id", id)
                .fetch().rowsUpdated().map(updated -> updated == 1);
    }

    /**
     * Claims up to {@code limit} offers due at {@code now}, locked until the caller's transaction ends. SKIP LOCKED:
     * an offer another instance is expiring is left to it, so no offer is ever expired twice.
     */
    public Mono<List<UUID>> claimDueOffers(Instant now, int limit) {
        return database.sql("""
                        SELECT id FROM reservation WHERE status = 'OFFERED' AND offer_expires_at <= :now
                        ORDER BY offer_expires_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .bind("now", now).bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all().collectList();
    }

    private static Reservation reservation(Readable row) {
        Long rank = row.get("rank", Long.class);
        return new Reservation(row.get("id", UUID.class), row.get("booking_id", UUID.class), row.get("family_id", UUID.class),
                row.get("child_id", UUID.class), row.get("first_name", String.class), row.get("period_id", UUID.class),
                row.get("age_group_id", UUID.class), row.get("date", LocalDate.class), Unit.valueOf(row.get("unit", String.class)),
                ReservationStatus.valueOf(row.get("status", String.class)), rank == null ? null : rank.intValue(),
                row.get("late", Boolean.class), row.get("billable", Boolean.class), row.get("booked_by", String.class),
                row.get("reason", String.class), row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
                row.get("offer_expires_at", Instant.class), row.get("period_name", String.class), row.get("structure_name", String.class));
    }
}

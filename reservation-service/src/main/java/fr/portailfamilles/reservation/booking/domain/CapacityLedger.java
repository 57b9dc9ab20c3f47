package fr.portailfamilles.reservation.booking.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import fr.portailfamilles.reservation.offer.domain.Unit;
import reactor.core.publisher.Mono;

/**
 * Places are decided here, by PostgreSQL, never by a read-then-write in Java. Each call is one statement
 * and must run inside the caller's transaction: the row locks it takes are held until commit, so
 * concurrent bookings of the same day queue on the row and re-check {@code booked < capacity} on the
 * newest version (READ COMMITTED re-evaluation), whichever service instance they come from.
 */
@Repository
public class CapacityLedger {

    private final DatabaseClient database;

    public CapacityLedger(DatabaseClient database) {
        this.database = database;
    }

    /**
     * Takes one place on every half-day the unit uses, all or nothing. A whole day that finds only its
     * morning free gives the morning back in the same transaction (its row is still locked by us, so
     * nobody saw it taken). Emits whether the place was taken.
     */
    public Mono<Boolean> take(UUID periodId, LocalDate date, UUID ageGroupId, Unit unit) {
        return database.sql("""
                        UPDATE day_slot SET booked = booked + 1
                        WHERE period_id = :periodId AND date = :date AND age_group_id = :group
                          AND half = ANY(CAST(:halves AS text[])) AND booked < capacity
                        RETURNING half""")
                .bind("periodId", periodId).bind("date", date).bind("group", ageGroupId).bind("halves", unit.halfNames())
                .map(row -> row.get("half", String.class)).all().collectList()
                .flatMap(taken -> taken.size() == unit.halves().size() ? meals(periodId, date, ageGroupId, unit, 1).thenReturn(true)
                        : taken.isEmpty() ? Mono.just(false) : giveBack(periodId, date, ageGroupId, taken).thenReturn(false));
    }

    /** Frees the places a confirmed unit held. */
    public Mono<Void> release(UUID periodId, LocalDate date, UUID ageGroupId, Unit unit) {
        return giveBack(periodId, date, ageGroupId, List.of(unit.halfNames())).then(meals(periodId, date, ageGroupId, unit, -1));
    }

    /** The next place in the day's waiting list, taken atomically: gap-free FIFO sequence per day and age group. */
    public Mono<Integer> nextWaitlistSeq(UUID periodId, LocalDate date, UUID ageGroupId) {
        return database.sql("""
                        UPDATE day_queue SET next_rank = next_rank + 1
                        WHERE period_id = :periodId AND date = :date AND age_group_id = :group
                        RETURNING next_rank - 1 AS seq""")
                .bind("periodId", periodId).bind("date", date).bind("group", ageGroupId)
                .map(row -> row.get("seq", Integer.class)).one();
    }

    private Mono<Void> giveBack(UUID periodId, LocalDate date, UUID ageGroupId, List<String> halves) {
        return database.sql("""
                        UPDATE day_slot SET booked = booked - 1
                        WHERE period_id = :periodId AND date = :date AND age_group_id = :group AND half = ANY(CAST(:halves AS text[]))""")
                .bind("periodId", periodId).bind("date", date).bind("group", ageGroupId).bind("halves", halves.toArray(String[]::new))
                .then();
    }

    private Mono<Void> meals(UUID periodId, LocalDate date, UUID ageGroupId, Unit unit, int delta) {
        if (!unit.meal()) {
            return Mono.empty();
        }
        return database.sql("UPDATE day_queue SET meals = meals + :delta WHERE period_id = :periodId AND date = :date AND age_group_id = :group")
                .bind("delta", delta).bind("periodId", periodId).bind("date", date).bind("group", ageGroupId)
                .then();
    }
}

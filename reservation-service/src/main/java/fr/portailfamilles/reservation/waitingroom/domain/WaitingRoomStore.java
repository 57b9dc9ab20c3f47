package fr.portailfamilles.reservation.waitingroom.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The waiting rooms' tables ({@code waiting_room}, {@code waiting_room_place}). Joining locks the period's room row,
 * so a late arrival never slips between the draw and the next position; the admission loop runs under a
 * transaction-scoped advisory lock, so one instance of the cluster moves the watermarks at a time.
 */
@Repository
public class WaitingRoomStore {

    /** pg advisory lock key of the admission loop ("WAIT"). */
    static final long LOOP_LOCK = 0x57414954L;

    private final DatabaseClient database;

    public WaitingRoomStore(DatabaseClient database) {
        this.database = database;
    }

    /** The period's room and the family's place; empty when the period does not exist. */
    public Mono<Standing.Snapshot> snapshot(UUID periodId, UUID familyId) {
        return database.sql("""
                        SELECT p.booking_opens_at, p.booking_closes_at, p.waiting_room_enabled, p.waiting_room_pace_per_minute,
                               coalesce(w.drawn, false) AS drawn, coalesce(w.admitted, 0) AS admitted, w.pace_per_minute, w.closed_at,
                               pl.family_id IS NOT NULL AS joined, pl.position
                        FROM period p
                        LEFT JOIN waiting_room w ON w.period_id = p.id
                        LEFT JOIN waiting_room_place pl ON pl.period_id = p.id AND pl.family_id = :family
                        WHERE p.id = :period""")
                .bind("period", periodId).bind("family", familyId)
                .map(row -> new Standing.Snapshot(row.get("booking_opens_at", Instant.class), row.get("booking_closes_at", Instant.class),
                        row.get("waiting_room_enabled", Boolean.class), row.get("waiting_room_pace_per_minute", Integer.class),
                        row.get("drawn", Boolean.class), row.get("admitted", Double.class), row.get("pace_per_minute", Double.class),
                        row.get("closed_at", Instant.class), row.get("joined", Boolean.class), row.get("position", Integer.class)))
                .one();
    }

    /**
     * Takes a place for the family, once (a second join changes nothing). Before the draw the place waits for it:
     * early arrivals with their random key, late ones by arrival time; after the draw it gets the next position.
     * Call inside a transaction: the room row stays locked until it commits.
     */
    public Mono<Void> join(UUID periodId, UUID familyId, UUID userId, Instant now, boolean early, long randomKey) {
        Mono<Boolean> drawn = database.sql("INSERT INTO waiting_room (period_id) VALUES (:period) ON CONFLICT DO NOTHING")
                .bind("period", periodId).then()
                .then(database.sql("SELECT drawn FROM waiting_room WHERE period_id = :period FOR UPDATE")
                        .bind("period", periodId).map(row -> row.get("drawn", Boolean.class)).one());
        long arrival = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        return drawn.flatMap(alreadyDrawn -> alreadyDrawn
                ? database.sql("""
                                WITH place AS (
                                    INSERT INTO waiting_room_place (period_id, family_id, user_id, joined_at, rank_group, rank_key, position)
                                    SELECT :period, :family, :user, :now, 1, :arrival, next_position FROM waiting_room WHERE period_id = :period
                                    ON CONFLICT (period_id, family_id) DO NOTHING
                                    RETURNING period_id)
                                UPDATE waiting_room SET next_position = next_position + 1 WHERE period_id IN (SELECT period_id FROM place)""")
                        .bind("period", periodId).bind("family", familyId).bind("user", userId).bind("now", now).bind("arrival", arrival)
                        .then()
                : database.sql("""
                                INSERT INTO waiting_room_place (period_id, family_id, user_id, joined_at, rank_group, rank_key)
                                VALUES (:period, :family, :user, :now, :group, :key)
                                ON CONFLICT (period_id, family_id) DO NOTHING""")
                        .bind("period", periodId).bind("family", familyId).bind("user", userId).bind("now", now)
                        .bind("group", (short) (early ? 0 : 1)).bind("key", early ? randomKey : arrival)
                        .then());
    }

    /** The admission loop's lock, held until the transaction ends; false when another instance holds it. */
    public Mono<Boolean> tryLoopLock() {
        return database.sql("SELECT pg_try_advisory_xact_lock(:key) AS locked").bind("key", LOOP_LOCK)
                .map(row -> row.get("locked", Boolean.class)).one();
    }

    /** A room row for every period whose waiting room opened, so a room nobody joined also closes in time. */
    public Mono<Void> createOpenedRooms(Instant now) {
        return database.sql("""
                        INSERT INTO waiting_room (period_id)
                        SELECT id FROM period WHERE waiting_room_enabled AND booking_opens_at <= :now AND booking_closes_at > :now
                        ON CONFLICT DO NOTHING""")
                .bind("now", now).then();
    }

    /** A room the loop moves: opened, not closed. */
    public record Room(UUID periodId, Instant opensAt, int paceLimitPerMinute, boolean drawn, int nextPosition, double admitted,
            Instant advancedAt) {
    }

    /** Opened rooms not closed yet, locked against joins until the transaction ends. */
    public Flux<Room> roomsToAdvance(Instant now) {
        return database.sql("""
                        SELECT w.period_id, p.booking_opens_at, p.waiting_room_pace_per_minute, w.drawn, w.next_position, w.admitted,
                               w.advanced_at
                        FROM waiting_room w JOIN period p ON p.id = w.period_id
                        WHERE w.closed_at IS NULL AND p.waiting_room_enabled AND p.booking_opens_at <= :now AND p.booking_closes_at > :now
                        ORDER BY w.period_id
                        FOR UPDATE OF w""")
                .bind("now", now)
                .map(row -> new Room(row.get("period_id", UUID.class), row.get("booking_opens_at", Instant.class),
                        row.get("waiting_room_pace_per_minute", Integer.class), row.get("drawn", Boolean.class),
                        row.get("next_position", Integer.class), row.get("admitted", Double.class), row.get("advanced_at", Instant.class)))
                .all();
    }

    /** The draw at the opening: early arrivals by their random key, then late ones by arrival. Emits how many were placed. */
    public Mono<Long> draw(UUID periodId) {
        return database.sql("""
                        UPDATE waiting_room_place pl SET position = o.n
                        FROM (SELECT family_id, row_number() OVER (ORDER BY rank_group, rank_key, family_id) AS n
                              FROM waiting_room_place WHERE period_id = :period) o
                        WHERE pl.period_id = :period AND pl.family_id = o.family_id""")
                .bind("period", periodId).fetch().rowsUpdated();
    }

    public Mono<Void> save(UUID periodId, int nextPosition, double admitted, Instant advancedAt, double pacePerMinute, Instant closedAt) {
        DatabaseClient.GenericExecuteSpec update = database.sql("""
                        UPDATE waiting_room SET drawn = true, next_position = :next, admitted = :admitted, advanced_at = :at,
                                                pace_per_minute = :pace, closed_at = :closed
                        WHERE period_id = :period""")
                .bind("next", nextPosition).bind("admitted", admitted).bind("at", advancedAt).bind("pace", pacePerMinute)
                .bind("period", periodId);
        return (closedAt == null ? update.bindNull("closed", Instant.class) : update.bind("closed", closedAt)).then();
    }
}

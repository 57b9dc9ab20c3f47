package fr.portailfamilles.reservation.waitingroom.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.reservation.waitingroom.domain.Pace;
import fr.portailfamilles.reservation.waitingroom.domain.WaitingRoomStore;
import reactor.core.publisher.Mono;

/**
 * One pass of admission over every opened room, by whichever instance holds the advisory lock: draws the order at
 * the opening, moves the watermark at the pace (limit × load factor) for the time since the last pass, closes a
 * room that admitted everyone once {@code closeAfter} has passed since its opening.
 */
@Service
public class Admissions {

    private static final Logger log = LoggerFactory.getLogger(Admissions.class);

    private final WaitingRoomStore store;
    private final LoadGauge load;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final WaitingRoomProperties properties;

    public Admissions(WaitingRoomStore store, LoadGauge load, TransactionalOperator transactions, Clock clock,
            WaitingRoomProperties properties) {
        this.store = store;
        this.load = load;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
    }

    /** Emits whether this instance held the lock and did the pass. */
    public Mono<Boolean> advance() {
        Instant now = clock.instant();
        double factor = Pace.factor(load.pendingAcquires(), load.poolSize());
        Mono<Boolean> pass = store.tryLoopLock().flatMap(locked -> !locked ? Mono.just(false)
                : store.createOpenedRooms(now)
                        .thenMany(store.roomsToAdvance(now))
                        .concatMap(room -> advance(room, now, factor))
                        .then(Mono.just(true)));
        return transactions.transactional(pass);
    }

    private Mono<Void> advance(WaitingRoomStore.Room room, Instant now, double factor) {
        Mono<Integer> queued = room.drawn() ? Mono.just(room.nextPosition() - 1)
                : store.draw(room.periodId()).map(Long::intValue)
                        .doOnNext(placed -> log.info("Waiting room of period {} opened: {} families drawn in random order", room.periodId(), placed));
        // Before the first pass the watermark starts at the opening (bounded by maxCatchUp like any gap).
        Instant since = room.drawn() && room.advancedAt() != null ? room.advancedAt() : room.opensAt();
        Duration elapsed = Duration.between(since, now);
        if (elapsed.compareTo(properties.maxCatchUp()) > 0) {
            elapsed = properties.maxCatchUp();
        }
        double pace = room.paceLimitPerMinute() * factor;
        Duration step = elapsed;
        return queued.flatMap(count -> {
            double admitted = Pace.advance(room.admitted(), count, pace, step);
            boolean over = admitted >= count && !now.isBefore(room.opensAt().plus(properties.closeAfter()));
            if (over) {
                log.info("Waiting room of period {} closed: {} families admitted", room.periodId(), count);
            }
            return store.save(room.periodId(), count + 1, admitted, now, pace, over ? now : null);
        });
    }
}

package fr.portailfamilles.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Two instances on one database: a slot's job runs once, and a lock is held by one transaction at a time. */
@OutboxIntegrationTest
class ClusterJobsIT {

    @Autowired
    DatabaseClient database;

    @Autowired
    TransactionalOperator transactions;

    @Autowired
    ReactiveTransactionManager transactionManager;

    private ClusterJobs instanceA;
    private ClusterJobs instanceB;

    @BeforeEach
    void twoInstances() {
        instanceA = new ClusterJobs(database, "instance-a");
        instanceB = new ClusterJobs(database, "instance-b");
    }

    @Test
    void whenTwoInstancesFireTheSameSlotAtOnceThenTheJobRunsOnce() {
        String slot = UUID.randomUUID().toString();
        AtomicInteger runs = new AtomicInteger();
        Mono<Void> job = Mono.delay(Duration.ofMillis(300)).doOnNext(tick -> runs.incrementAndGet()).then();

        List<Boolean> ran = Flux.merge(
                        instanceA.runOnce("daily-check", slot, job).subscribeOn(Schedulers.parallel()),
                        instanceB.runOnce("daily-check", slot, job).subscribeOn(Schedulers.parallel()))
                .collectList().block(Duration.ofSeconds(30));

        assertThat(ran).containsExactlyInAnyOrder(true, false);
        assertThat(runs).hasValue(1);
        // Later on, with the first run long finished (an instance whose clock runs late): still skipped.
        assertThat(instanceB.runOnce("daily-check", slot, job).block(Duration.ofSeconds(30))).isFalse();
        assertThat(runs).hasValue(1);
        // Another slot (the next day) runs again.
        assertThat(instanceB.runOnce("daily-check", slot + "-next", job).block(Duration.ofSeconds(30))).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void whenTheRunFailsThenTheSlotCanBeRunAgain() {
        String slot = UUID.randomUUID().toString();

        assertThatThrownBy(() -> instanceA.runOnce("daily-check", slot, Mono.error(new IllegalStateException("down")))
                .block(Duration.ofSeconds(30))).hasMessageContaining("down");

        assertThat(instanceB.runOnce("daily-check", slot, Mono.empty()).block(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void theLockIsHeldByOneTransactionAtATimeAndFreedAtItsEnd() {
        String name = "loop-" + UUID.randomUUID();
        // A holds the lock in an open transaction while B tries in a transaction (and connection) of its own.
        TransactionalOperator separate = TransactionalOperator.create(transactionManager,
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));
        Boolean bWhileAHolds = transactions.transactional(instanceA.tryLock(name)
                        .flatMap(aLocked -> {
                            assertThat(aLocked).isTrue();
                            return separate.transactional(instanceB.tryLock(name));
                        }))
                .block(Duration.ofSeconds(30));
        Boolean bAfterA = transactions.transactional(instanceB.tryLock(name)).block(Duration.ofSeconds(30));

        assertThat(bWhileAHolds).isFalse();
        assertThat(bAfterA).isTrue();
    }
}

package fr.portailfamilles.platform.outbox;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Mono;

/**
 * Background work with several instances of a service on one database, in the two shapes it comes in:
 * <ul>
 * <li>{@link #tryLock(String)}: a loop that every instance runs (the outbox relay, the waiting room's admission)
 * but one at a time: a transaction-scoped advisory lock, taken without waiting, released at commit or when the
 * holder's connection dies, so another instance takes over at its next pass.</li>
 * <li>{@link #runOnce(String, String, Mono)}: a scheduled job (the daily dossier check) that every instance's
 * scheduler fires, to be run by one of them only for that slot (a day, a month): the first to insert
 * {@code (job, slot)} in {@code messaging.job_run} runs it, the others skip. An advisory lock alone would not
 * do: an instance whose clock runs a few seconds late would take the lock after the first one released it and
 * run the job a second time.</li>
 * </ul>
 */
public class ClusterJobs {

    private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);
    /** First half of every advisory lock key taken here (the two-int key space), so names cannot meet other locks. */
    private static final String NAMESPACE = "portail-familles/cluster-jobs";

    private final DatabaseClient database;
    private final String instance;

    public ClusterJobs(DatabaseClient database, String instance) {
        this.database = database;
        this.instance = instance;
    }

    /** True if this transaction now holds the lock {@code name}; call it inside the work's transaction. */
    public Mono<Boolean> tryLock(String name) {
        return database.sql("SELECT pg_try_advisory_xact_lock(hashtext(:namespace), hashtext(:name)) AS locked")
                .bind("namespace", NAMESPACE)
                .bind("name", name)
                .map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))
                .one();
    }

    /**
     * Runs {@code work} if no instance claimed {@code (job, slot)} before; emits whether this instance ran it.
     * A failed run gives its claim back, so a retry (or another instance) can run the slot again.
     */
    public Mono<Boolean> runOnce(String job, String slot, Mono<?> work) {
        return claim(job, slot).flatMap(claimed -> {
            if (!claimed) {
                log.info("{} for {} already run or running on another instance; skipped here", job, slot);
                return Mono.just(false);
            }
            long start = System.nanoTime();
            return work.then(finish(job, slot))
                    .doOnSuccess(done -> log.info("{} for {} done on {} in {} ms", job, slot, instance,
                            Duration.ofNanos(System.nanoTime() - start).toMillis()))
                    .onErrorResume(error -> release(job, slot).then(Mono.error(error)))
                    .thenReturn(true);
        });
    }

    private Mono<Boolean> claim(String job, String slot) {
        return database.sql("""
                        INSERT INTO messaging.job_run (job, slot, instance) VALUES (:job, :slot, :instance)
                        ON CONFLICT (job, slot) DO NOTHING""")
                .bind("job", job).bind("slot", slot).bind("instance", instance)
                .fetch().rowsUpdated()
                .map(inserted -> inserted == 1);
    }

    private Mono<Void> finish(String job, String slot) {
        return database.sql("UPDATE messaging.job_run SET finished_at = clock_timestamp() WHERE job = :job AND slot = :slot")
                .bind("job", job).bind("slot", slot).then();
    }

    private Mono<Void> release(String job, String slot) {
        return database.sql("DELETE FROM messaging.job_run WHERE job = :job AND slot = :slot AND finished_at IS NULL")
                .bind("job", job).bind("slot", slot).then();
    }
}

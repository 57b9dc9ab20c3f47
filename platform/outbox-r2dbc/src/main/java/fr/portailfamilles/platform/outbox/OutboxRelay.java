package fr.portailfamilles.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drains the outbox to Kafka: claims a batch, sends each row in order and waits for the broker's
 * acknowledgement, then marks it published. A broker outage only delays rows; a row the broker keeps
 * refusing for its own sake is parked after {@code maxAttempts} and counted.
 * <p>
 * Several instances of a service run a relay each, and they take turns: a pass runs only while its
 * transaction holds the {@value #LOCK} advisory lock ({@link ClusterJobs#tryLock}), so the rows go out one
 * batch after the other in {@code created_at} order, and an aggregate's events reach its partition in the
 * order they were written, whichever instance sends them. Two relays claiming batches side by side
 * ({@code SKIP LOCKED} alone) would let the second event of an aggregate overtake the first. The price: one
 * service relays at one relay's pace whatever its number of instances (a send waits for its acknowledgement,
 * a few ms on a local broker), as it did with one instance; a second relay only takes over. The claim
 * keeps {@code FOR UPDATE SKIP LOCKED}, so a relay of an older version (no lock) still never sends a row
 * at the same time as another. A relay that dies after a send but before its commit leaves the row
 * unpublished: the next pass sends it again, and consumers' inbox (the event id) drops the copy.
 */
public class OutboxRelay extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration CLEANUP_EVERY = Duration.ofHours(1);
    /** The advisory lock the relays of one database take turns with. */
    static final String LOCK = "outbox-relay";

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper jsonMapper;
    private final OutboxProperties properties;
    private final ClusterJobs clusterJobs;
    private final Counter published;
    private final Counter failed;
    private final Counter parked;
    private final AtomicLong pending = new AtomicLong();
    private volatile Instant lastCleanup = Instant.EPOCH;
    /** Passes never overlap, so a volatile field is enough to carry it from one pass to the next. */
    private volatile Duration backoff;

    public OutboxRelay(DatabaseClient database, TransactionalOperator transactions, KafkaTemplate<String, byte[]> kafka,
            JsonMapper jsonMapper, OutboxProperties properties, MeterRegistry meters, ClusterJobs clusterJobs) {
        super("outbox-relay");
        this.clusterJobs = clusterJobs;
        this.database = database;
        this.transactions = transactions;
        this.kafka = kafka;
        this.jsonMapper = jsonMapper;
        this.properties = properties;
        this.backoff = properties.pollInterval();
        this.published = Counter.builder("outbox.events.published").description("Events the broker acknowledged").register(meters);
        this.failed = Counter.builder("outbox.events.failed").description("Send attempts that failed").register(meters);
        this.parked = Counter.builder("outbox.events.parked").description("Events given up after maxAttempts").register(meters);
        Gauge.builder("outbox.events.pending", pending, AtomicLong::get).description("Events waiting to be sent").register(meters);
    }

    /**
     * One pass in one transaction: claim, then send and mark row by row, stopping at the first failure
     * so that a later event of the same aggregate never overtakes an earlier one. Nothing while another
     * instance's relay holds the lock.
     */
    public Mono<BatchResult> relayBatch() {
        return transactions.transactional(clusterJobs.tryLock(LOCK)
                .flatMap(locked -> locked ? sendBatch() : Mono.just(BatchResult.EMPTY)));
    }

    private Mono<BatchResult> sendBatch() {
        // The claimed rows are read to the end before the first UPDATE: R2DBC PostgreSQL runs one statement
        // at a time per connection, so an UPDATE issued while the SELECT still has unread rows (concatMap
        // prefetches 32) waits behind it forever, and the relay hangs on any batch of more than 32 rows.
        return claimBatch()
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(row -> send(row).then(markPublished(row.id())).thenReturn(true)
                        .onErrorResume(SendFailure.class, failure -> recordFailure(failure).thenReturn(false)))
                .takeUntil(sent -> !sent)
                .reduce(BatchResult.EMPTY, BatchResult::add);
    }

    private Flux<OutboxRow> claimBatch() {
        return database.sql("""
                        SELECT id, aggregateid, topic, payload::text AS payload, headers::text AS headers, attempts
                        FROM messaging.outbox_event
                        WHERE published_at IS NULL AND parked_at IS NULL
                        ORDER BY created_at, id
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""")
                .bind("limit", properties.batchSize())
                .map((row, meta) -> new OutboxRow(row.get("id", UUID.class), row.get("aggregateid", String.class),
                        row.get("topic", String.class), row.get("payload", String.class),
                        row.get("headers", String.class), row.get("attempts", Integer.class)))
                .all();
    }

    private Mono<Void> send(OutboxRow row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(),
                row.payload().getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = jsonMapper.readValue(row.headers(), new TypeReference<Map<String, String>>() { });
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        // send() may block on metadata while the broker is away: keep it off the relay's own thread.
        return Mono.fromFuture(() -> kafka.send(record))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(properties.sendTimeout())
                .doOnSuccess(result -> published.increment())
                .onErrorMap(error -> new SendFailure(row, error))
                .then();
    }

    private Mono<Void> markPublished(UUID id) {
        return database.sql("UPDATE messaging.outbox_event SET published_at = clock_timestamp(), last_error = NULL WHERE id = :id")
                .bind("id", id).then();
    }

    /** Runs in the batch's transaction: rows sent before the failure stay marked as published. */
    private Mono<Void> recordFailure(SendFailure failure) {
        failed.increment();
        boolean transientFailure = isTransient(failure.getCause());
        boolean park = !transientFailure && failure.row().attempts() + 1 >= properties.maxAttempts();
        if (park) {
            parked.increment();
            log.error("Parking outbox event {} after {} attempts", failure.row().id(), failure.row().attempts() + 1, failure.getCause());
        }
        else {
            log.warn("Outbox event {} not sent yet ({}): {}", failure.row().id(),
                    transientFailure ? "broker unavailable" : "refused", describe(failure.getCause()));
        }
        return database.sql("""
                        UPDATE messaging.outbox_event SET attempts = attempts + 1, last_error = :error,
                               parked_at = CASE WHEN :park THEN clock_timestamp() END
                        WHERE id = :id""")
                .bind("error", describe(failure.getCause()))
                .bind("park", park)
                .bind("id", failure.row().id())
                .then();
    }

    /**
     * The whole cause chain: KafkaTemplate wraps every failure in "KafkaException: Send failed", and the
     * reason an operator needs for a parked row (record too large, invalid topic...) is in the causes.
     */
    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable cause = error; cause != null && depth < 8; cause = cause.getCause(), depth++) {
            text.append(depth == 0 ? "" : "; caused by ").append(cause);
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text.toString();
    }

    static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException || cause instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private Mono<Void> housekeeping() {
        Mono<Void> count = database.sql("SELECT count(*) AS pending FROM messaging.outbox_event WHERE published_at IS NULL AND parked_at IS NULL")
                .map(row -> row.get("pending", Long.class)).one()
                .doOnNext(pending::set).then();
        if (Duration.between(lastCleanup, Instant.now()).compareTo(CLEANUP_EVERY) < 0) {
            return count;
        }
        lastCleanup = Instant.now();
        return count.then(database.sql("DELETE FROM messaging.outbox_event WHERE published_at < now() - make_interval(secs => :seconds)")
                .bind("seconds", (double) properties.retention().toSeconds())
                .fetch().rowsUpdated()
                .doOnNext(deleted -> log.debug("Deleted {} published outbox events", deleted))
                .then());
    }

    /** None while the outbox is full, {@code pollInterval} when idle, a doubling backoff while sends fail. */
    @Override
    protected Mono<Duration> pass() {
        return housekeeping().then(relayBatch())
                .defaultIfEmpty(BatchResult.FAILED)
                .map(result -> {
                    if (result.failed()) {
                        return pauseAfterError();
                    }
                    backoff = properties.pollInterval();
                    return result.published() >= properties.batchSize() ? Duration.ZERO : properties.pollInterval();
                });
    }

    @Override
    protected Duration pauseAfterError() {
        Duration pause = backoff;
        backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
        return pause;
    }

    private static Duration min(Duration left, Duration right) {
        return left.compareTo(right) <= 0 ? left : right;
    }

    /** What one pass did: how many rows the broker acknowledged, and whether a send failed. */
    public record BatchResult(int published, boolean failed) {

        static final BatchResult EMPTY = new BatchResult(0, false);
        static final BatchResult FAILED = new BatchResult(0, true);

        BatchResult add(boolean sent) {
            return sent ? new BatchResult(published + 1, failed) : new BatchResult(published, true);
        }
    }

    record OutboxRow(UUID id, String key, String topic, String payload, String headers, int attempts) {
    }

    static final class SendFailure extends RuntimeException {

        private final transient OutboxRow row;

        SendFailure(OutboxRow row, Throwable cause) {
            super("Could not send outbox event " + row.id(), cause, false, false);
            this.row = row;
        }

        OutboxRow row() {
            return row;
        }
    }
}

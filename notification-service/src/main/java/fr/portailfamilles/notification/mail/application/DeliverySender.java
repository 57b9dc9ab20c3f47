package fr.portailfamilles.notification.mail.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import fr.portailfamilles.platform.outbox.BackgroundLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Drains the delivery queue over SMTP with {@code workers} workers in parallel, each on its own thread
 * with its own kept-open {@link SmtpConnection} (so the SMTP pool is bounded by {@code workers}).
 * A worker claims up to {@code batchSize} due rows in one statement, account e-mails first then oldest
 * ({@code FOR UPDATE SKIP LOCKED}, and the claim moves them out of reach for {@link MailProperties.Delivery#claimLease()}),
 * so workers of this and other instances never take the same row. Each row is marked SENT as soon as the
 * server accepted it: a crash re-sends at most the one row each worker had in flight. A failed attempt is
 * counted with its error and retried after an exponential backoff; after {@code maxAttempts} the row is
 * FAILED (dead-lettered) and counted.
 */
@Component
public class DeliverySender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

    private final DatabaseClient database;
    private final JavaMailSenderImpl smtp;
    private final MailProperties properties;
    private final Clock clock;
    private final String name;
    private final Counter sent;
    private final Counter failedAttempts;
    private final Counter deadLettered;
    private final Counter connectionsOpened;
    private final List<Worker> workers;
    private volatile boolean running;

    @Autowired
    public DeliverySender(DatabaseClient database, JavaMailSenderImpl smtp, MailProperties properties, MeterRegistry meters) {
        this("mail-sender", database, smtp, properties, meters, Clock.systemUTC());
    }

    /** {@code name} names the worker threads; a test runs a second sender beside the application's. */
    public DeliverySender(String name, DatabaseClient database, JavaMailSenderImpl smtp, MailProperties properties,
            MeterRegistry meters, Clock clock) {
        this.name = name;
        this.database = database;
        this.smtp = smtp;
        this.properties = properties;
        this.clock = clock;
        this.sent = Counter.builder("notification.mails.sent").description("E-mails the SMTP server accepted").register(meters);
        this.failedAttempts = Counter.builder("notification.mails.attempts.failed").description("Send attempts that failed").register(meters);
        this.deadLettered = Counter.builder("notification.mails.failed").description("E-mails given up after maxAttempts (FAILED)").register(meters);
        this.connectionsOpened = Counter.builder("notification.smtp.connections.opened")
                .description("SMTP connections opened by the sender (each is reused for many e-mails)").register(meters);
        List<Worker> all = new ArrayList<>();
        for (int i = 1; i <= properties.delivery().workers(); i++) {
            all.add(new Worker(name + "-" + i));
        }
        this.workers = List.copyOf(all);
    }

    @Override
    public synchronized void start() {
        if (!running) {
            workers.forEach(Worker::start);
            running = true;
        }
    }

    @Override
    public synchronized void stop() {
        if (running) {
            workers.forEach(Worker::stop);
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop before the connection pool closes: a stopping worker gives its unsent rows back. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable cause = error; cause != null && depth < 6; cause = cause.getCause(), depth++) {
            text.append(depth == 0 ? "" : "; caused by ").append(cause);
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text.toString();
    }

    /** One worker: a loop on its own thread, its own SMTP connection, the rows it claimed and has not sent yet. */
    private final class Worker extends BackgroundLoop {

        private final String name;
        /** JavaMail blocks on the socket: never on the event loop, and always the same thread for one connection. */
        private volatile Scheduler smtpThread;
        private final SmtpConnection connection;
        private final Set<UUID> claimed = ConcurrentHashMap.newKeySet();

        Worker(String name) {
            super(name);
            this.name = name;
            MailProperties.Delivery delivery = properties.delivery();
            this.connection = new SmtpConnection(smtp, delivery.connectionIdle(), delivery.messagesPerConnection(),
                    connectionsOpened, clock);
        }

        /** No pause while full batches go out; otherwise {@code pollInterval} (a failed row waits for its own backoff). */
        @Override
        protected Mono<Duration> pass() {
            int batch = properties.delivery().batchSize();
            return claim(batch).collectList().flatMap(rows -> {
                if (rows.isEmpty()) {
                    return Mono.fromRunnable(connection::closeIfIdle).subscribeOn(smtpThread)
                            .thenReturn(properties.delivery().pollInterval());
                }
                List<DueRow> ordered = rows.stream()
                        .sorted(Comparator.comparingInt(DueRow::priority).thenComparing(DueRow::createdAt)).toList();
                ordered.forEach(row -> claimed.add(row.id()));
                return Flux.fromIterable(ordered).concatMap(this::sendOne).then()
                        .thenReturn(rows.size() >= batch ? Duration.ZERO : properties.delivery().pollInterval());
            });
        }

        @Override
        protected Duration pauseAfterError() {
            return properties.delivery().pollInterval();
        }

        /**
         * Takes the next due rows, highest priority then oldest, and hides them from other workers for the
         * claim lease. RETURNING has no order: the caller sorts.
         */
        private Flux<DueRow> claim(int batch) {
            return database.sql("""
                            UPDATE delivery d SET next_attempt_at = clock_timestamp() + make_interval(secs => :lease)
                            FROM (SELECT id FROM delivery
                                  WHERE status = 'QUEUED' AND next_attempt_at <= now()
                                  ORDER BY priority, created_at
                                  LIMIT :batch
                                  FOR UPDATE SKIP LOCKED) due
                            WHERE d.id = due.id
                            RETURNING d.id, d.recipient, d.subject, d.body_text, d.body_html, d.attempts, d.priority, d.created_at""")
                    .bind("lease", properties.delivery().claimLease().toMillis() / 1000.0)
                    .bind("batch", batch)
                    .map(row -> new DueRow(row.get("id", UUID.class), row.get("recipient", String.class),
                            row.get("subject", String.class), row.get("body_text", String.class),
                            row.get("body_html", String.class), row.get("attempts", Integer.class),
                            row.get("priority", Short.class), row.get("created_at", Instant.class)))
                    .all();
        }

        private Mono<Void> sendOne(DueRow row) {
            return Mono.fromRunnable(() -> deliver(row))
                    .subscribeOn(smtpThread)
                    .timeout(properties.delivery().sendTimeout())
                    .onErrorMap(error -> new SendFailure(row, error))
                    .then(Mono.defer(() -> markSent(row)))
                    .doOnSuccess(done -> sent.increment())
                    .onErrorResume(SendFailure.class, this::recordFailure)
                    .doOnSuccess(done -> claimed.remove(row.id()));
        }

        private void deliver(DueRow row) {
            try {
                MimeMessage message = new MimeMessage(smtp.getSession());
                var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
                helper.setFrom(properties.from());
                helper.setTo(row.recipient());
                helper.setSubject(row.subject());
                helper.setText(row.text(), row.html());
                message.setSentDate(Date.from(clock.instant()));
                message.saveChanges();
                connection.send(message);
            }
            catch (MessagingException ex) {
                throw new IllegalStateException("Could not send the e-mail: " + ex.getMessage(), ex);
            }
        }

        private Mono<Void> markSent(DueRow row) {
            return database.sql("""
                            UPDATE delivery SET status = 'SENT', sent_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL
                            WHERE id = :id""")
                    .bind("id", row.id()).then();
        }

        private Mono<Void> recordFailure(SendFailure failure) {
            failedAttempts.increment();
            DueRow row = failure.row();
            int attempts = row.attempts() + 1;
            boolean dead = attempts >= properties.delivery().maxAttempts();
            Duration pause = properties.delivery().backoffAfter(attempts);
            String error = describe(failure.getCause());
            if (dead) {
                deadLettered.increment();
                log.error("E-mail {} FAILED after {} attempts: {}", row.id(), attempts, error);
            }
            else {
                log.warn("E-mail {} not sent (attempt {}), next in {}: {}", row.id(), attempts, pause, error);
            }
            return database.sql("""
                            UPDATE delivery SET attempts = :attempts, last_error = :error,
                                   status = CASE WHEN :dead THEN 'FAILED' ELSE 'QUEUED' END,
                                   next_attempt_at = clock_timestamp() + make_interval(secs => :pause)
                            WHERE id = :id""")
                    .bind("attempts", attempts)
                    .bind("error", error)
                    .bind("dead", dead)
                    .bind("pause", pause.toMillis() / 1000.0)
                    .bind("id", row.id())
                    .then();
        }

        @Override
        public void start() {
            smtpThread = Schedulers.newSingle(name + "-smtp", true);
            super.start();
        }

        /** Stops the loop, gives the claimed but unsent rows back to the queue at once, closes the connection. */
        @Override
        public void stop() {
            super.stop();
            List<UUID> unsent = List.copyOf(claimed);
            claimed.clear();
            if (!unsent.isEmpty()) {
                try {
                    database.sql("UPDATE delivery SET next_attempt_at = now() WHERE id = ANY(:ids) AND status = 'QUEUED'")
                            .bind("ids", unsent.toArray(UUID[]::new))
                            .then().block(Duration.ofSeconds(5));
                }
                catch (RuntimeException ex) {
                    log.warn("{}: {} claimed e-mails wait out their lease ({}): {}", name, unsent.size(),
                            properties.delivery().claimLease(), ex.toString());
                }
            }
            try {
                // On the connection's own thread, after a send still in progress (bounded by the socket timeouts).
                Mono.fromRunnable(connection::close).subscribeOn(smtpThread).block(Duration.ofSeconds(5));
            }
            catch (RuntimeException ex) {
                log.warn("{}: the SMTP connection did not close cleanly: {}", name, ex.toString());
            }
            smtpThread.dispose();
        }
    }

    record DueRow(UUID id, String recipient, String subject, String text, String html, int attempts, int priority,
            Instant createdAt) {
    }

    static final class SendFailure extends RuntimeException {

        private final transient DueRow row;

        SendFailure(DueRow row, Throwable cause) {
            super("Could not send e-mail " + row.id(), cause, false, false);
            this.row = row;
        }

        DueRow row() {
            return row;
        }
    }
}

package fr.portailfamilles.notification.mail.application;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.platform.outbox.BackgroundLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Drains the delivery queue over SMTP, like the outbox relay drains the outbox: each due row is claimed
 * with {@code FOR UPDATE SKIP LOCKED} (several instances never send the same row at once), sent off the
 * event loop, and marked SENT in the same short transaction, so a restart re-sends at most the one row
 * that was in flight. A failed attempt is counted with its error and retried after an exponential
 * backoff; after {@code maxAttempts} the row is FAILED (dead-lettered) and counted.
 */
@Component
public class DeliverySender extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);
    private static final int BATCH = 20;

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final JavaMailSender smtp;
    private final MailProperties properties;
    private final Counter sent;
    private final Counter failedAttempts;
    private final Counter deadLettered;
    private final AtomicLong queued = new AtomicLong();

    public DeliverySender(DatabaseClient database, TransactionalOperator transactions, JavaMailSender smtp,
            MailProperties properties, MeterRegistry meters) {
        super("mail-sender");
        this.database = database;
        this.transactions = transactions;
        this.smtp = smtp;
        this.properties = properties;
        this.sent = Counter.builder("notification.mails.sent").description("E-mails the SMTP server accepted").register(meters);
        this.failedAttempts = Counter.builder("notification.mails.attempts.failed").description("Send attempts that failed").register(meters);
        this.deadLettered = Counter.builder("notification.mails.failed").description("E-mails given up after maxAttempts (FAILED)").register(meters);
        Gauge.builder("notification.mails.queued", queued, AtomicLong::get).description("E-mails waiting to be sent").register(meters);
    }

    /** Sends the next due e-mail, if any, in its own transaction. */
    public Mono<Outcome> sendNext() {
        return transactions.transactional(claimNext()
                        .flatMap(row -> send(row).then(markSent(row)).thenReturn(Outcome.SENT)
                                .onErrorResume(SendFailure.class, failure -> recordFailure(failure).thenReturn(Outcome.FAILED))))
                .defaultIfEmpty(Outcome.NOTHING_DUE);
    }

    private Mono<DueRow> claimNext() {
        return database.sql("""
                        SELECT id, recipient, subject, body_text, body_html, attempts FROM delivery
                        WHERE status = 'QUEUED' AND next_attempt_at <= now()
                        ORDER BY next_attempt_at, created_at
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED""")
                .map(row -> new DueRow(row.get("id", UUID.class), row.get("recipient", String.class),
                        row.get("subject", String.class), row.get("body_text", String.class),
                        row.get("body_html", String.class), row.get("attempts", Integer.class)))
                .one();
    }

    private Mono<Void> send(DueRow row) {
        // JavaMail blocks on the socket: never on the event loop, nor on the sender's own thread.
        return Mono.fromRunnable(() -> deliver(row))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(properties.delivery().sendTimeout())
                .doOnSuccess(done -> sent.increment())
                .onErrorMap(error -> new SendFailure(row, error))
                .then();
    }

    private void deliver(DueRow row) {
        try {
            var message = smtp.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(row.recipient());
            helper.setSubject(row.subject());
            helper.setText(row.text(), row.html());
            smtp.send(message);
        }
        catch (MessagingException ex) {
            throw new IllegalStateException("Could not build the e-mail: " + ex.getMessage(), ex);
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

    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable cause = error; cause != null && depth < 6; cause = cause.getCause(), depth++) {
            text.append(depth == 0 ? "" : "; caused by ").append(cause);
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text.toString();
    }

    /** Up to a batch of due e-mails, one transaction each; stops when nothing is due. */
    private Mono<Pass> sendBatch() {
        return Flux.range(0, BATCH)
                .concatMap(i -> sendNext())
                .takeUntil(outcome -> outcome == Outcome.NOTHING_DUE)
                .reduce(Pass.EMPTY, Pass::add);
    }

    private Mono<Void> countQueued() {
        return database.sql("SELECT count(*) AS queued FROM delivery WHERE status = 'QUEUED'")
                .map(row -> row.get("queued", Long.class)).one()
                .doOnNext(queued::set).then();
    }

    /** No pause while full batches go out; otherwise {@code pollInterval} (a failed row waits for its own backoff). */
    @Override
    protected Mono<Duration> pass() {
        return countQueued().then(sendBatch())
                .defaultIfEmpty(Pass.EMPTY)
                .map(pass -> pass.sent() >= BATCH ? Duration.ZERO : properties.delivery().pollInterval());
    }

    @Override
    protected Duration pauseAfterError() {
        return properties.delivery().pollInterval();
    }

    public enum Outcome {
        SENT, FAILED, NOTHING_DUE
    }

    record Pass(int sent, int failed) {

        static final Pass EMPTY = new Pass(0, 0);

        Pass add(Outcome outcome) {
            return switch (outcome) {
                case SENT -> new Pass(sent + 1, failed);
                case FAILED -> new Pass(sent, failed + 1);
                case NOTHING_DUE -> this;
            };
        }
    }

    record DueRow(UUID id, String recipient, String subject, String text, String html, int attempts) {
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

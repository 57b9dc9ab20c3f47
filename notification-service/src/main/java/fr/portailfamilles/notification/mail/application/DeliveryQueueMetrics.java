package fr.portailfamilles.notification.mail.application;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import fr.portailfamilles.notification.mail.domain.MailPriority;
import fr.portailfamilles.platform.outbox.BackgroundLoop;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * The queue as operators watch it during a rush: how many e-mails wait, and how long the oldest has
 * waited, per priority ({@code notification_mails_queued{priority=account|deadline|bulk}},
 * {@code notification_mails_queued_oldest_age_seconds{priority=…}}). Read from the database every
 * {@code metricsInterval} by a loop, never on the scrape (which runs on the event loop), so the values are
 * at most that old and cover every instance sharing the queue.
 */
@Component
public class DeliveryQueueMetrics extends BackgroundLoop {

    private final DatabaseClient database;
    private final MailProperties properties;
    private final Map<MailPriority, AtomicLong> depth = new EnumMap<>(MailPriority.class);
    /** Epoch milliseconds of the oldest queued e-mail; 0 when none waits. */
    private final Map<MailPriority, AtomicLong> oldest = new EnumMap<>(MailPriority.class);

    public DeliveryQueueMetrics(DatabaseClient database, MailProperties properties, MeterRegistry meters) {
        super("mail-queue-metrics");
        this.database = database;
        this.properties = properties;
        for (MailPriority priority : MailPriority.values()) {
            AtomicLong count = new AtomicLong();
            AtomicLong since = new AtomicLong();
            depth.put(priority, count);
            oldest.put(priority, since);
            Gauge.builder("notification.mails.queued", count, AtomicLong::get)
                    .description("E-mails waiting to be sent (QUEUED), retries included")
                    .tag("priority", priority.tag()).register(meters);
            Gauge.builder("notification.mails.queued.oldest.age", since, DeliveryQueueMetrics::ageSeconds)
                    .description("How long the oldest QUEUED e-mail has waited since it was queued")
                    .baseUnit("seconds").tag("priority", priority.tag()).register(meters);
        }
    }

    @Override
    protected Mono<Duration> pass() {
        return database.sql("""
                        SELECT priority, count(*) AS queued, min(created_at) AS oldest FROM delivery
                        WHERE status = 'QUEUED' GROUP BY priority""")
                .map(row -> new Level(MailPriority.of(row.get("priority", Short.class)), row.get("queued", Long.class),
                        row.get("oldest", Instant.class)))
                .all()
                .collectMap(Level::priority)
                .doOnNext(levels -> {
                    for (MailPriority priority : MailPriority.values()) {
                        Level level = levels.get(priority);
                        depth.get(priority).set(level == null ? 0 : level.queued());
                        oldest.get(priority).set(level == null ? 0 : level.oldest().toEpochMilli());
                    }
                })
                .thenReturn(properties.delivery().metricsInterval());
    }

    @Override
    protected Duration pauseAfterError() {
        return properties.delivery().metricsInterval();
    }

    private static double ageSeconds(AtomicLong oldestMillis) {
        long since = oldestMillis.get();
        return since == 0 ? 0 : Math.max(0, System.currentTimeMillis() - since) / 1000.0;
    }

    private record Level(MailPriority priority, long queued, Instant oldest) {
    }
}

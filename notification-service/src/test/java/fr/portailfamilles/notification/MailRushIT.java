package fr.portailfamilles.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import fr.portailfamilles.events.account.AccountRequestApproved;
import fr.portailfamilles.events.reservation.BookingPlaced;
import fr.portailfamilles.notification.mail.application.DeliveryQueue;
import fr.portailfamilles.notification.mail.application.DeliverySender;
import fr.portailfamilles.notification.mail.application.MailProperties;
import fr.portailfamilles.notification.mail.application.MailRenderer.RenderedMail;
import fr.portailfamilles.notification.mail.domain.MailPriority;
import fr.portailfamilles.notification.notification.application.NotificationCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;

/** The opening rush: account e-mails first, parallel senders sending each e-mail once over kept connections. */
class MailRushIT extends NotificationIntegrationTest {

    @Autowired
    DeliverySender sender;

    @Autowired
    DeliveryQueue queue;

    @Autowired
    MailProperties properties;

    @Autowired
    JavaMailSenderImpl smtpSettings;

    @Autowired
    MeterRegistry meters;

    @Test
    void anActivationEmailQueuedBehindAThousandBookingConfirmationsIsSentFirst() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String activated = "activation-" + run + "@exemple.fr";
        sender.stop();
        try {
            queueBulk("behind-" + run, 1000);
            events.publish(new AccountRequestApproved(UUID.randomUUID(), UUID.randomUUID(), activated, "Léa",
                    "https://portail.example/activation?token=rush" + run, Instant.now().plusSeconds(3600), Instant.now()));
            await().atMost(Duration.ofSeconds(120)).until(() -> count(
                    "SELECT count(*) AS n FROM delivery WHERE recipient = :v AND priority = 0", activated) == 1);
            // Queued last: oldest-first would send it after the 1,000 confirmations.
            assertThat(count("SELECT count(*) AS n FROM delivery WHERE recipient LIKE :v AND created_at < "
                    + "(SELECT created_at FROM delivery WHERE recipient = '" + activated + "')", "behind-" + run + "-%"))
                    .isEqualTo(1000);
        }
        finally {
            sender.start();
        }

        awaitMails(activated, 1);
        await().atMost(Duration.ofSeconds(120)).until(() -> count(
                "SELECT count(*) AS n FROM delivery WHERE recipient LIKE :v AND status = 'SENT'", "behind-" + run + "-%") == 1000);
        long sentBefore = count("SELECT count(*) AS n FROM delivery WHERE recipient LIKE :v AND sent_at < "
                + "(SELECT sent_at FROM delivery WHERE recipient = '" + activated + "')", "behind-" + run + "-%");
        // Only confirmations other workers claimed alongside it may go first: a batch per worker (x 2 for slack).
        assertThat(sentBefore).isLessThan(2L * properties.delivery().workers() * properties.delivery().batchSize());
        assertThat(TestSmtp.textOf(smtp.to(activated).get(0))).contains("https://portail.example/activation?token=rush" + run);
    }

    @Test
    void twoSendersWithSeveralWorkersEachSendEveryEmailOnceOverKeptConnections() {
        String run = "once-" + UUID.randomUUID().toString().substring(0, 8);
        int mails = 400;
        DeliverySender second = new DeliverySender("second-sender", database, smtpSettings, properties, meters, Clock.systemUTC());
        double connectionsBefore = meters.counter("notification.smtp.connections.opened").count();
        sender.stop();
        try {
            queueBulk(run, mails);
        }
        finally {
            sender.start();
            second.start();
        }
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> count(
                    "SELECT count(*) AS n FROM delivery WHERE recipient LIKE :v AND status = 'SENT'", run + "-%") == mails);
            // A second copy sent by another worker or instance would arrive shortly after: give it the time.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Map<String, Long> perRecipient = smtp.received().stream().map(TestSmtp::recipientOf)
                        .filter(recipient -> recipient.startsWith(run + "-"))
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                assertThat(perRecipient).hasSize(mails);
                assertThat(perRecipient.values()).containsOnly(1L);
            });
            assertThat(count("SELECT count(*) AS n FROM delivery WHERE recipient LIKE :v AND attempts <> 1", run + "-%")).isZero();
            // Each worker of both senders opened one connection and kept it: far fewer connections than e-mails.
            double opened = meters.counter("notification.smtp.connections.opened").count() - connectionsBefore;
            assertThat(opened).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(2.0 * 2 * properties.delivery().workers());
        }
        finally {
            second.stop();
        }
    }

    @Test
    void theQueueDepthPerPriorityAndTheOldestAgeAreMetrics() {
        String run = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        sender.stop();
        try {
            queueBulk(run, 3);
            queue.add("account-" + run, null, run + "-account@exemple.fr", "password-changed", MailPriority.ACCOUNT,
                    new RenderedMail("Mot de passe modifié", "Bonjour", "<p>Bonjour</p>")).block();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String scrape = prometheus();
                assertThat(gauge(scrape, "notification_mails_queued{priority=\"bulk\"}")).isGreaterThanOrEqualTo(3);
                assertThat(gauge(scrape, "notification_mails_queued{priority=\"account\"}")).isGreaterThanOrEqualTo(1);
                assertThat(gauge(scrape, "notification_mails_queued_oldest_age_seconds{priority=\"account\"}")).isPositive();
            });
        }
        finally {
            sender.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = prometheus();
            assertThat(gauge(scrape, "notification_mails_queued{priority=\"account\"}")).isZero();
            assertThat(gauge(scrape, "notification_mails_queued_oldest_age_seconds{priority=\"account\"}")).isZero();
            assertThat(gauge(scrape, "notification_mails_sent_total")).isPositive();
            assertThat(gauge(scrape, "notification_smtp_connections_opened_total")).isPositive();
        });
        assertThat(smtp.to(run + "-account@exemple.fr")).hasSize(1);
    }

    /** {@code count} booking confirmations, queued with the priority the catalog gives them. */
    private void queueBulk(String prefix, int count) {
        MailPriority priority = NotificationCatalog.ALL.stream().filter(mapping -> mapping.type().equals(BookingPlaced.class))
                .findFirst().orElseThrow().priority();
        assertThat(priority).isEqualTo(MailPriority.BULK);
        Flux.range(0, count)
                .flatMap(i -> queue.add(prefix + "-event-" + i, null, prefix + "-" + i + "@exemple.fr", "booking-placed", priority,
                        new RenderedMail("Portail Familles : confirmation de votre réservation", "Bonjour " + i,
                                "<p>Bonjour " + i + "</p>")), 4)
                .blockLast();
    }

    private String prometheus() {
        // The whole scrape (JVM, Kafka, R2DBC meters) is larger than WebTestClient's default 256 KB buffer.
        return http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** The value of one series; the tag list is matched on its start (Prometheus adds the application tag). */
    private static double gauge(String scrape, String series) {
        String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
        String firstTag = series.contains("{") ? series.substring(series.indexOf('{') + 1, series.length() - 1) : null;
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> firstTag == null || line.contains(firstTag))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(series + " not in the scrape"));
    }
}

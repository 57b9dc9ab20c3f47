package fr.portailfamilles.notification;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.testsupport.IntegrationTest;
import fr.portailfamilles.testsupport.TestEventPublisher;
import jakarta.mail.internet.MimeMessage;

/**
 * What the notification ITs share, so they share ONE application context: the real SMTP server, the
 * event publisher and a sender tuned to retry fast (8 attempts, 0.5 s doubling to 3 s: FAILED after ~15 s).
 */
@IntegrationTest
abstract class NotificationIntegrationTest {

    static final TestSmtp smtp = new TestSmtp();
    static final TestEventPublisher events = new TestEventPublisher();
    static final int MAX_ATTEMPTS = 8;

    @DynamicPropertySource
    static void mailSettings(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", smtp::port);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        registry.add("portail.mail.delivery.max-attempts", () -> MAX_ATTEMPTS);
        registry.add("portail.mail.delivery.initial-backoff", () -> "500ms");
        registry.add("portail.mail.delivery.max-backoff", () -> "3s");
        registry.add("portail.mail.delivery.poll-interval", () -> "100ms");
        registry.add("portail.mail.delivery.metrics-interval", () -> "200ms");
        registry.add("portail.portal-url", () -> "https://portail.example");
    }

    @Autowired
    DatabaseClient database;

    @Autowired
    WebTestClient http;

    /** Publishes the family and waits until the projection has it, as account-service would have done earlier. */
    void register(SampleEvents family) {
        events.publish(family.family());
        await().atMost(Duration.ofSeconds(120)).until(() -> count("SELECT count(*) AS n FROM family_contact WHERE family_id = :v",
                family.familyId()) == 1);
    }

    long count(String sql, Object value) {
        return database.sql(sql).bind("v", value).map(row -> row.get("n", Long.class)).one().block();
    }

    static List<MimeMessage> awaitMails(String recipient, int count) {
        await().atMost(Duration.ofSeconds(120)).until(() -> smtp.to(recipient).size() >= count);
        return smtp.to(recipient);
    }

    static UUID newId() {
        return UUID.randomUUID();
    }
}

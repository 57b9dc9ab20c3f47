package fr.portailfamilles.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import fr.portailfamilles.events.IntegrationEvent;
import fr.portailfamilles.events.account.AccountRequestReceived;
import fr.portailfamilles.events.document.DocumentRejected;
import fr.portailfamilles.notification.notification.application.NotificationCatalog;
import fr.portailfamilles.notification.notification.application.NotificationMapping;
import fr.portailfamilles.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;

class NotificationMailIT extends NotificationIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void eachEventTypeSendsExactlyOneEmailToEachOfItsRecipientsWithItsContent() {
        SampleEvents family = SampleEvents.forNewFamily();
        register(family);
        Map<IntegrationEvent, List<String>> all = family.all();
        all.keySet().forEach(events::publish);

        long toWholeFamily = all.keySet().stream().filter(SampleEvents::toWholeFamily).count();
        awaitMails(family.email1(), all.size());
        awaitMails(family.email2(), (int) toWholeFamily);
        // Give a wrongly doubled e-mail time to show up before asserting there is none.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(smtp.to(family.email1())).hasSize(all.size());
            assertThat(smtp.to(family.email2())).hasSize((int) toWholeFamily);
        });

        all.forEach((event, lines) -> {
            String subject = subjectOf(event);
            List<MimeMessage> toLea = withSubject(family.email1(), subject);
            assertThat(toLea).as(subject).hasSize(1);
            assertThat(TestSmtp.hasHtml(toLea.get(0))).as(subject).isTrue();
            String text = TestSmtp.textOf(toLea.get(0));
            assertThat(text).as(subject).contains(lines).contains("https://portail.example");
            if (SampleEvents.toWholeFamily(event)) {
                List<MimeMessage> toHugo = withSubject(family.email2(), subject);
                assertThat(toHugo).as(subject).hasSize(1);
                assertThat(TestSmtp.textOf(toHugo.get(0))).startsWith("Bonjour Hugo,").contains(lines);
            }
        });
        assertThat(TestSmtp.textOf(withSubject(family.email1(), subjectOf(firstOf(all, DocumentRejected.class))).get(0)))
                .startsWith("Bonjour Léa,");
        assertThat(count("SELECT count(*) AS n FROM delivery WHERE family_id = :v AND status = 'SENT'", family.familyId()))
                .isEqualTo(2 * toWholeFamily + 1); // + the activation e-mail, tied to the family
    }

    @Test
    void whenAFamilyEventOvertakesTheFamilysRegistrationThenItIsRetriedAndSentOnceTheFamilyIsKnown() throws Exception {
        SampleEvents family = SampleEvents.forNewFamily();
        var accepted = new fr.portailfamilles.events.document.DocumentAccepted(UUID.randomUUID(), family.familyId(), null,
                "NOTIFICATION_CAF", "Notification CAF", null, Instant.now());
        events.publish(accepted);
        Thread.sleep(1500);
        assertThat(smtp.to(family.email1())).isEmpty();

        register(family);
        assertThat(TestSmtp.subjectOf(awaitMails(family.email1(), 1).get(0))).isEqualTo(subjectOf(accepted));
        assertThat(TestSmtp.subjectOf(awaitMails(family.email2(), 1).get(0))).isEqualTo(subjectOf(accepted));
    }

    @Test
    void whenKafkaRedeliversTheSameEventThenOnlyOneEmailIsSent() {
        String email = "redelivery-" + UUID.randomUUID() + "@exemple.fr";
        var event = received(email);
        String id = UUID.randomUUID().toString();

        events.publish(event, id);
        events.publish(event, id);
        awaitMails(email, 1);
        events.publish(event, UUID.randomUUID().toString());
        awaitMails(email, 2);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(smtp.to(email)).hasSize(2));
        assertThat(count("SELECT count(*) AS n FROM delivery WHERE recipient = :v", email)).isEqualTo(2);
    }

    @Test
    void whenSmtpIsDownDuringABurstThenEveryEmailArrivesOnceItIsBack() {
        String email = "burst-" + UUID.randomUUID() + "@exemple.fr";
        smtp.stop();
        try {
            for (int i = 0; i < 20; i++) {
                events.publish(received(email));
            }
            // Every e-mail is queued and has already failed at least once against the absent server.
            await().atMost(Duration.ofSeconds(120)).until(() -> count(
                    "SELECT count(*) AS n FROM delivery WHERE recipient = :v AND status = 'QUEUED' AND attempts >= 1", email) == 20);
            assertThat(smtp.to(email)).isEmpty();
        }
        finally {
            smtp.start();
        }

        awaitMails(email, 20);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(smtp.to(email)).hasSize(20));
        assertThat(count("SELECT count(*) AS n FROM delivery WHERE recipient = :v AND status = 'SENT'", email)).isEqualTo(20);
    }

    @Test
    void whenSmtpStaysDownThenTheEmailFailsAfterMaxAttemptsShowsInTheStaffLogAndCanBeResent() {
        String email = "failing-" + UUID.randomUUID() + "@exemple.fr";
        double failedBefore = meters.counter("notification.mails.failed").count();
        smtp.stop();
        try {
            events.publish(received(email));
            await().atMost(Duration.ofSeconds(120)).until(() -> count(
                    "SELECT count(*) AS n FROM delivery WHERE recipient = :v AND status = 'FAILED'", email) == 1);
        }
        finally {
            smtp.start();
        }
        assertThat(meters.counter("notification.mails.failed").count()).isEqualTo(failedBefore + 1);

        List<Map<String, Object>> failed = http.get().uri("/api/admin/deliveries?status=FAILED")
                .header("Authorization", "Bearer " + TestTokens.staff())
                .exchange().expectStatus().isOk()
                .expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        Map<String, Object> row = failed.stream().filter(delivery -> email.equals(delivery.get("recipient"))).findFirst().orElseThrow();
        assertThat(row.get("attempts")).isEqualTo(MAX_ATTEMPTS);
        assertThat((String) row.get("lastError")).contains("Connect");
        assertThat(smtp.to(email)).isEmpty();

        http.post().uri("/api/admin/deliveries/{id}/resend", row.get("id"))
                .header("Authorization", "Bearer " + TestTokens.staff())
                .exchange().expectStatus().isAccepted()
                .expectBody().jsonPath("$.status").isEqualTo("QUEUED");
        awaitMails(email, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) AS n FROM delivery WHERE recipient = :v AND status = 'SENT'", email) == 1);
    }

    @Test
    void resendingAnUnknownDeliveryIsANotFoundProblemAndParentsCannotReadTheLog() {
        http.post().uri("/api/admin/deliveries/{id}/resend", UUID.randomUUID())
                .header("Authorization", "Bearer " + TestTokens.staff())
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/not-found");
        http.get().uri("/api/admin/deliveries?status=FAILED")
                .header("Authorization", "Bearer " + TestTokens.parent(UUID.randomUUID()))
                .exchange().expectStatus().isForbidden();
    }

    private static AccountRequestReceived received(String email) {
        return new AccountRequestReceived(UUID.randomUUID(), "Lefèvre", email, "Hugo", "2026-2027", Instant.now());
    }

    private static List<MimeMessage> withSubject(String recipient, String subject) {
        return smtp.to(recipient).stream().filter(message -> subject.equals(TestSmtp.subjectOf(message))).toList();
    }

    @SuppressWarnings("unchecked")
    private static <E extends IntegrationEvent> String subjectOf(E event) {
        NotificationMapping<E> mapping = (NotificationMapping<E>) NotificationCatalog.ALL.stream()
                .filter(candidate -> candidate.type().equals(event.getClass())).findFirst().orElseThrow();
        return mapping.subject().apply(event);
    }

    private static IntegrationEvent firstOf(Map<IntegrationEvent, List<String>> all, Class<?> type) {
        return all.keySet().stream().filter(type::isInstance).findFirst().orElseThrow();
    }
}

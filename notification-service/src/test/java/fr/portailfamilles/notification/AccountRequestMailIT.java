package fr.portailfamilles.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import fr.portailfamilles.events.account.AccountRequestReceived;
import fr.portailfamilles.testsupport.IntegrationTest;
import fr.portailfamilles.testsupport.TestEventPublisher;
import jakarta.mail.internet.MimeMessage;

@IntegrationTest
class AccountRequestMailIT {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    static final TestEventPublisher events = new TestEventPublisher();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    DatabaseClient database;

    @AfterAll
    static void closePublisher() {
        events.close();
    }

    @Test
    void whenAnAccountRequestIsReceivedThenTheFamilyGetsOneFrenchEmail() throws Exception {
        String email = "famille-" + UUID.randomUUID() + "@exemple.fr";
        events.publish(received(email, "Léa", "Bernard"));

        MimeMessage mail = awaitMails(email, 1)[0];
        assertThat(mail.getSubject()).isEqualTo("Portail Familles : nous avons bien reçu votre demande");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("Bonjour L=C3=A9a").contains("Bernard").contains("2026-2027");
        assertThat(mail.getContentType()).startsWith("multipart/");
    }

    @Test
    void whenKafkaRedeliversTheSameEventThenOnlyOneEmailIsSent() {
        String email = "redelivery-" + UUID.randomUUID() + "@exemple.fr";
        var event = received(email, "Hugo", "Lefèvre");
        String id = UUID.randomUUID().toString();

        events.publish(event, id);
        events.publish(event, id);
        awaitMails(email, 1);

        events.publish(event, UUID.randomUUID().toString());
        awaitMails(email, 2);
        // Give a wrongly doubled delivery time to show up before asserting there is none.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(mailsTo(email)).hasSize(2));
        assertThat(database.sql("SELECT count(*) AS n FROM mail_delivery WHERE recipient = :r").bind("r", email)
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(2);
    }

    private static AccountRequestReceived received(String email, String firstName, String familyName) {
        return new AccountRequestReceived(UUID.randomUUID(), familyName, email, firstName, "2026-2027", Instant.now());
    }

    private static MimeMessage[] awaitMails(String recipient, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(recipient).length >= count);
        return mailsTo(recipient);
    }

    private static MimeMessage[] mailsTo(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().equals(recipient);
            }
            catch (Exception ex) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
    }
}

package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.icegreen.greenmail.util.GreenMailUtil;

import fr.portailfamilles.localstack.PortalService;
import jakarta.mail.internet.MimeMessage;

/** The first slice through every part: gateway, account-service, outbox, Kafka, notification-service, SMTP. */
class FirstSliceJourneyIT {

    final WebTestClient gateway = RunningSystem.gateway();

    @Test
    void theGatewayIsUpAndServesThePortal() {
        gateway.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        gateway.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void whenAFamilyAsksForAnAccountThroughTheGatewayThenItReceivesTheAcknowledgementEmail() throws Exception {
        String email = "famille-" + UUID.randomUUID() + "@exemple.fr";

        gateway.post().uri("/api/account-requests").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(accountRequest(email))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.id").isNotEmpty();

        await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(email).length == 1);
        MimeMessage mail = mailsTo(email)[0];
        assertThat(mail.getSubject()).isEqualTo("Portail Familles : nous avons bien reçu votre demande");
        assertThat(GreenMailUtil.getBody(mail)).contains("Roux");
    }

    @Test
    void whenStaffLogsInThroughTheGatewayThenAdminRoutesOpenAndParentsAreKeptOut() {
        String staffToken = login(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
        String parentToken = login(RunningSystem.PARENT_EMAIL, RunningSystem.PARENT_PASSWORD);

        gateway.get().uri("/api/admin/structures").header(HttpHeaders.AUTHORIZATION, "Bearer " + staffToken)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.name == 'Accueil de loisirs Les Petits Loups')]").exists();

        gateway.get().uri("/api/admin/structures").header(HttpHeaders.AUTHORIZATION, "Bearer " + parentToken)
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        gateway.get().uri("/api/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + parentToken)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo(RunningSystem.PARENT_EMAIL)
                .jsonPath("$.familyId").isNotEmpty();

        gateway.get().uri("/api/admin/structures").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void whenAServiceIsDownThenTheGatewayAnswersFastWithAProblemAndTheRestKeepsWorking() {
        var stack = RunningSystem.get();
        String staffToken = login(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
        stack.stopService(PortalService.BILLING);
        try {
            Instant before = Instant.now();
            gateway.get().uri("/api/admin/tariffs").header(HttpHeaders.AUTHORIZATION, "Bearer " + staffToken)
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().exists(HttpHeaders.RETRY_AFTER);
            assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(5));

            gateway.get().uri("/api/admin/structures").header(HttpHeaders.AUTHORIZATION, "Bearer " + staffToken)
                    .exchange()
                    .expectStatus().isOk();
        }
        finally {
            stack.startService(PortalService.BILLING);
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                gateway.get().uri("/api/admin/tariffs").header(HttpHeaders.AUTHORIZATION, "Bearer " + staffToken)
                        .exchange().expectStatus().isOk());
    }

    private String login(String email, String password) {
        Map<?, ?> body = gateway.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("accessToken");
    }

    private static MimeMessage[] mailsTo(String recipient) {
        return Arrays.stream(RunningSystem.get().greenMail().getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().equals(recipient);
            }
            catch (Exception ex) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
    }

    private static Map<String, Object> accountRequest(String email) {
        return Map.of(
                "family", Map.of("name", "Roux", "address", "12 avenue de Laon", "postalCode", "51100", "town", "Reims"),
                "parents", List.of(Map.of("firstName", "Inès", "lastName", "Roux", "email", email, "phone", "06 98 76 54 32")),
                "children", List.of(Map.of("firstName", "Jules", "lastName", "Roux", "birthDate", "2017-09-12", "school", "École Louis Pasteur")),
                "schoolYear", "2026-2027",
                "dataProcessingConsent", true);
    }
}

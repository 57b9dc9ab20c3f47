package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jakarta.mail.internet.MimeMessage;

/**
 * Guide steps 2 and 5 through the gateway, with every e-mail read from the real SMTP server: request,
 * staff approval, activation link, password, login, family and child records with their authorizations;
 * the rejection and password-reset paths.
 */
class AccountJourneyIT {

    static final String PASSWORD = "Un-mot-de-passe-solide-42";

    final WebTestClient gateway = RunningSystem.gateway();

    @Test
    void fromTheRequestToTheChildRecordWithItsAuthorizations() {
        String email = "journey-" + UUID.randomUUID() + "@exemple.fr";
        String requestId = submitRequest(email, "Fontaine");
        Mailbox.await(email, "nous avons bien reçu votre demande");

        String staff = login(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
        gateway.get().uri("/api/admin/account-requests?status=PENDING&size=100").header(HttpHeaders.AUTHORIZATION, bearer(staff))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + requestId + "')]").exists();
        gateway.post().uri("/api/admin/account-requests/{id}/approval", requestId).header(HttpHeaders.AUTHORIZATION, bearer(staff))
                .exchange().expectStatus().isOk();

        MimeMessage approval = Mailbox.await(email, "votre compte est validé");
        String activationToken = Mailbox.linkToken(approval, "/activation.html");
        activate(activationToken).expectStatus().isNoContent();
        activate(activationToken).expectStatus().isEqualTo(410)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        Mailbox.await(email, "votre mot de passe a été modifié");

        String parent = login(email, PASSWORD);
        Map<?, ?> me = get("/api/auth/me", parent);
        Map<?, ?> family = get("/api/family", parent);
        Map<?, ?> updated = gateway.put().uri("/api/family").header(HttpHeaders.AUTHORIZATION, bearer(parent))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("address", "2 rue de Vesle", "postalCode", "51100", "town", "Reims", "situation", "MARIES",
                        "cafNumber", "7654321",
                        "parents", List.of(Map.of("userId", me.get("userId"), "firstName", "Chloé", "lastName", "Fontaine",
                                "email", email, "phone", "07 12 34 56 78")),
                        "consents", Map.of("DATA_PROCESSING", true, "RULES_ACCEPTED", true, "EMAIL_INFORMATION", true)))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(updated.get("address")).isEqualTo("2 rue de Vesle");

        String childId = (String) ((Map<?, ?>) ((List<?>) family.get("children")).get(0)).get("id");
        Map<?, ?> child = gateway.put().uri("/api/family/children/{id}", childId).header(HttpHeaders.AUTHORIZATION, bearer(parent))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.ofEntries(
                        Map.entry("firstName", "Paul"), Map.entry("lastName", "Fontaine"), Map.entry("birthDate", "2017-09-12"),
                        Map.entry("school", "École Louis Pasteur"), Map.entry("className", "CM1"),
                        Map.entry("healthNotes", "Aucune."), Map.entry("allergies", "Pollen"),
                        Map.entry("doctorName", "Dr. Lemaire"), Map.entry("doctorPhone", "03 26 11 22 33"),
                        Map.entry("authorizedPickups", List.of(Map.of("name", "Marie Fontaine", "relationship", "tante", "phone", "06 10 20 30 40"))),
                        Map.entry("emergencyContacts", List.of(Map.of("name", "Jean Fontaine", "relationship", "grand-père", "phone", "06 50 60 70 80"))),
                        Map.entry("authorizations", Map.of("PHOTO", false, "LEAVE_ALONE", false, "TRANSPORT", true, "EMERGENCY_CARE", true))))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(child.get("allergies")).isEqualTo("Pollen");
        Map<?, ?> authorizations = (Map<?, ?>) child.get("authorizations");
        assertThat(authorizations.get("TRANSPORT")).isEqualTo(true);
        assertThat(authorizations.get("PHOTO")).isEqualTo(false);
        List<?> history = (List<?>) child.get("authorizationHistory");
        assertThat(history).hasSize(4).allSatisfy(entry -> {
            assertThat(((Map<?, ?>) entry).get("recordedBy")).isEqualTo(me.get("userId"));
            assertThat(((Map<?, ?>) entry).get("recordedAt")).isNotNull();
        });
    }

    @Test
    void whenStaffRejectsTheRequestThenTheFamilyIsToldWhy() {
        String email = "rejet-" + UUID.randomUUID() + "@exemple.fr";
        String requestId = submitRequest(email, "Mercier");
        String staff = login(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);

        gateway.post().uri("/api/admin/account-requests/{id}/rejection", requestId).header(HttpHeaders.AUTHORIZATION, bearer(staff))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Domicile hors de la communauté de communes."))
                .exchange().expectStatus().isOk();

        MimeMessage rejection = Mailbox.await(email, "n'a pas pu être validée");
        assertThat(Mailbox.text(rejection)).contains("Domicile hors de la communauté de communes.");
        gateway.post().uri("/api/admin/account-requests/{id}/approval", requestId).header(HttpHeaders.AUTHORIZATION, bearer(staff))
                .exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void aParentWhoForgotTheirPasswordResetsItFromTheEmailedLink() {
        String unknown = "inconnu-" + UUID.randomUUID() + "@exemple.fr";
        String known = RunningSystem.PARENT_EMAIL;
        String forUnknown = requestReset(unknown);
        String forKnown = requestReset(known);
        assertThat(forKnown).isEqualTo(forUnknown);

        MimeMessage reset = Mailbox.await(known, "modifier votre mot de passe");
        String token = Mailbox.linkToken(reset, "/reinitialisation.html");
        gateway.post().uri("/api/auth/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "password", RunningSystem.PARENT_PASSWORD))
                .exchange().expectStatus().isNoContent();
        login(known, RunningSystem.PARENT_PASSWORD);
        Mailbox.awaitNone(unknown, "modifier votre mot de passe", java.time.Duration.ofSeconds(2));
    }

    private String submitRequest(String email, String familyName) {
        Map<?, ?> accepted = gateway.post().uri("/api/account-requests").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "family", Map.of("name", familyName, "address", "5 rue de Vesle", "postalCode", "51100", "town", "Reims"),
                        "parents", List.of(Map.of("firstName", "Chloé", "lastName", familyName, "email", email, "phone", "06 12 12 12 12")),
                        "children", List.of(Map.of("firstName", "Paul", "lastName", familyName, "birthDate", "2017-09-12",
                                "school", "École Louis Pasteur")),
                        "schoolYear", "2026-2027",
                        "dataProcessingConsent", true))
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        return (String) accepted.get("id");
    }

    private WebTestClient.ResponseSpec activate(String token) {
        return gateway.post().uri("/api/auth/activation").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "password", PASSWORD)).exchange();
    }

    private String requestReset(String email) {
        return gateway.post().uri("/api/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email))
                .exchange().expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody();
    }

    private String login(String email, String password) {
        Map<?, ?> body = gateway.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("accessToken");
    }

    private Map<?, ?> get(String path, String token) {
        return gateway.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}

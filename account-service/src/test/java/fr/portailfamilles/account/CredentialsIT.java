package fr.portailfamilles.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.account.auth.domain.Role;
import fr.portailfamilles.account.auth.domain.UserAccount;
import fr.portailfamilles.events.Topics;
import tools.jackson.databind.JsonNode;

class CredentialsIT extends AccountIntegrationTest {

    @Value("${portail.login-throttle.per-address}")
    int perAddress;

    @Test
    void whenAParentForgetsThePasswordThenTheLinkResetsItOnceAndUnknownAddressesGetTheSameAnswer() {
        String email = parent("Ancien-mot-de-passe-2026");

        String known = requestReset(email);
        String unknown = requestReset("personne-" + UUID.randomUUID() + "@exemple.fr");
        assertThat(unknown).as("no account enumeration").isEqualTo(known);

        UUID userId = accounts.findByEmail(email).block().id();
        JsonNode requested = AccountFlows.awaitEvent(Topics.USER_ACCOUNT, "account.PasswordResetRequested.v1", userId.toString(), p -> true);
        String link = requested.get("resetLink").asString();
        assertThat(link).startsWith("http://localhost:8080/reinitialisation.html?token=");
        String token = link.substring(link.indexOf("token=") + 6);

        confirm(token, "motdepasse123").expectStatus().isEqualTo(422);
        confirm(token, "Nouveau mot de passe du printemps").expectStatus().isNoContent();
        confirm(token, "Encore un autre mot de passe").expectStatus().isEqualTo(410)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        flows.loginAttempt(email, "Ancien-mot-de-passe-2026", AccountFlows.someAddress()).expectStatus().isUnauthorized();
        flows.login(email, "Nouveau mot de passe du printemps");
        AccountFlows.awaitEvent(Topics.USER_ACCOUNT, "account.PasswordChanged.v1", userId.toString(), p -> true);
    }

    @Test
    void whenALoggedInUserChangesThePasswordThenTheCurrentOneIsRequired() {
        String email = parent("Mot-de-passe-actuel-2026");
        String token = flows.login(email, "Mot-de-passe-actuel-2026");

        change(token, "pas-le-bon-mot-de-passe", "Un tout nouveau mot de passe").expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        change(token, "Mot-de-passe-actuel-2026", "azertyuiop123").expectStatus().isEqualTo(422);
        change(token, "Mot-de-passe-actuel-2026", "Un tout nouveau mot de passe").expectStatus().isNoContent();

        flows.login(email, "Un tout nouveau mot de passe");
        web.put().uri("/api/auth/password").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", "x", "newPassword", "y")).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void whenTooManyLoginsFailForAnAccountThenItIsThrottledWithRetryAfterAndNotLockedForGood() {
        String email = parent("Le-bon-mot-de-passe-2026");
        for (int attempt = 0; attempt < 5; attempt++) {
            flows.loginAttempt(email, "mauvais-" + attempt, AccountFlows.someAddress()).expectStatus().isUnauthorized();
        }

        flows.loginAttempt(email, "Le-bon-mot-de-passe-2026", AccountFlows.someAddress())
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retry -> assertThat(Long.parseLong(retry)).isBetween(1L, 900L))
                .expectBody().jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/too-many-login-attempts");

        // The window passes (simulated by ageing the failures): the parent gets in again, and the count is reset.
        database.sql("UPDATE login_failure SET failed_at = failed_at - interval '16 minutes' WHERE subject = :subject")
                .bind("subject", "account:" + email).then().block();
        flows.loginAttempt(email, "Le-bon-mot-de-passe-2026", AccountFlows.someAddress()).expectStatus().isOk();
        assertThat(flows.count("SELECT count(*) FROM login_failure WHERE subject = 'account:" + email + "'")).isZero();
    }

    @Test
    void whenOneAddressFailsTooOftenThenItIsThrottledWhateverTheAccount() {
        String address = AccountFlows.someAddress();
        for (int attempt = 0; attempt < perAddress; attempt++) {
            flows.loginAttempt("inconnu-" + UUID.randomUUID() + "@exemple.fr", "mauvais", address).expectStatus().isUnauthorized();
        }
        String email = parent("Le-bon-mot-de-passe-2026");
        flows.loginAttempt(email, "Le-bon-mot-de-passe-2026", address)
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);
        flows.loginAttempt(email, "Le-bon-mot-de-passe-2026", AccountFlows.someAddress()).expectStatus().isOk();
    }

    private String parent(String password) {
        String email = "parent-" + UUID.randomUUID() + "@exemple.fr";
        accounts.save(UserAccount.create(email, passwordEncoder.encode(password), List.of(Role.PARENT), null, "Léa Test")).block();
        return email;
    }

    private String requestReset(String email) {
        return web.post().uri("/api/auth/password-reset").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", email))
                .exchange().expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec confirm(String token, String password) {
        return web.post().uri("/api/auth/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "password", password)).exchange();
    }

    private WebTestClient.ResponseSpec change(String token, String current, String next) {
        return web.put().uri("/api/auth/password").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("currentPassword", current, "newPassword", next)).exchange();
    }

}

package fr.portailfamilles.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.events.Topics;
import tools.jackson.databind.JsonNode;

/**
 * An administrator creates a staff account: the agent chooses a password from the e-mailed link (same
 * rules as everyone) and logs in as STAFF; disabling it refuses the login. STAFF alone and parents are
 * refused every staff-account route, with nothing created.
 */
class StaffAccountsIT extends AccountIntegrationTest {

    @Test
    void whenAnAdministratorCreatesAnAgentThenTheAgentSetsAPasswordLogsInAsStaffUntilDisabled() {
        String admin = flows.adminToken();
        String email = "agent-" + UUID.randomUUID() + "@portail-familles.fr";

        JsonNode created = AccountFlows.json(create(admin, email, false).expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(created.get("status").asString()).isEqualTo("PENDING_ACTIVATION");
        assertThat(created.get("roles").toString()).contains("STAFF").doesNotContain("ADMIN");
        create(admin, email.toUpperCase(), false).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        String userId = created.get("id").asString();
        String link = AccountFlows.awaitEvent(Topics.USER_ACCOUNT, "account.PasswordResetRequested.v1", userId, p -> true)
                .get("resetLink").asString();
        String token = link.substring(link.indexOf("token=") + 6);
        confirm(token, "motdepasse123").expectStatus().isEqualTo(422);
        confirm(token, "Le mot de passe de l'agent 2026").expectStatus().isNoContent();
        String agent = flows.login(email, "Le mot de passe de l'agent 2026");
        web.get().uri("/api/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + agent).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.roles[0]").isEqualTo("STAFF").jsonPath("$.roles.length()").isEqualTo(1);

        web.get().uri("/api/admin/staff").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[?(@.email == '" + email + "')].status").isEqualTo(java.util.List.of("ACTIVE"));
        web.post().uri("/api/admin/staff/{id}/disabling", userId).header(HttpHeaders.AUTHORIZATION, "Bearer " + admin).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DISABLED");
        flows.loginAttempt(email, "Le mot de passe de l'agent 2026", AccountFlows.someAddress()).expectStatus().isUnauthorized();
    }

    @Test
    void whenStaffWithoutAdminOrAParentAskThenTheyAreRefusedAndNothingIsCreated() {
        String staff = flows.staffToken();
        AccountFlows.ActiveFamily family = flows.activeFamily(staff);
        String email = "intrus-" + UUID.randomUUID() + "@portail-familles.fr";

        create(staff, email, true).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/admin-only");
        create(family.token(), email, true).expectStatus().isForbidden();
        web.get().uri("/api/admin/staff").header(HttpHeaders.AUTHORIZATION, "Bearer " + staff).exchange().expectStatus().isForbidden();
        web.post().uri("/api/admin/staff/{id}/disabling", UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
                .exchange().expectStatus().isForbidden();
        create(flows.adminToken(), "pas-une-adresse", false).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(flows.count("SELECT count(*) FROM user_account WHERE email = '" + email + "'")).isZero();
    }

    private WebTestClient.ResponseSpec create(String token, String email, boolean admin) {
        return web.post().uri("/api/admin/staff").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "displayName", "Agent Nouveau", "admin", admin)).exchange();
    }

    private WebTestClient.ResponseSpec confirm(String token, String password) {
        return web.post().uri("/api/auth/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "password", password)).exchange();
    }
}

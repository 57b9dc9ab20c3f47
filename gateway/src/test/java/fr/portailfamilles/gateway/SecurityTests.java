package fr.portailfamilles.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The token is checked at the gateway, before anything reaches a service. */
class SecurityTests extends GatewayTestSupport {

    @Test
    void whenNoTokenOnFamilyThenProblem401AndNothingReachesTheService() {
        client.get().uri("/api/family")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/unauthenticated")
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.traceId").isNotEmpty();

        assertThat(DOWNSTREAM.receivedAt("/api/family")).isEmpty();
    }

    @Test
    void whenParentCallsStaffApiThenProblem403AndNothingReachesTheService() {
        client.get().uri("/api/admin/account-requests")
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/forbidden");

        assertThat(DOWNSTREAM.receivedAt("/api/admin/account-requests")).isEmpty();
    }

    @Test
    void whenStaffCallsStaffApiThenServiceReceivesTheRequestWithTheToken() {
        String token = TOKENS.staff();

        client.get().uri("/api/admin/account-requests")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange()
                .expectStatus().isOk();

        assertThat(DOWNSTREAM.receivedAt("/api/admin/account-requests")).singleElement()
                .satisfies(request -> assertThat(request.header("Authorization")).isEqualTo(bearer(token)));
    }

    @Test
    void whenTheWebSendsTheSessionCookieThenTheRequestIsRoutedWithIt() {
        String token = TOKENS.parent();

        client.get().uri("/api/family")
                .cookie("pf_access", token)
                .exchange()
                .expectStatus().isOk();

        assertThat(DOWNSTREAM.receivedAt("/api/family")).singleElement()
                .satisfies(request -> assertThat(request.header("Cookie")).contains("pf_access=" + token));
    }

    @Test
    void whenAParentCallsThreeTimesWithTheSameTokenThenItsSignatureIsVerifiedOnce() {
        String token = TOKENS.parent();

        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/family")
                    .header(HttpHeaders.AUTHORIZATION, bearer(token))
                    .exchange()
                    .expectStatus().isOk();
        }

        assertThat(DOWNSTREAM.receivedAt("/api/family")).hasSize(3);
        assertThat(VERIFICATIONS).containsEntry(token, 1);
    }

    @Test
    void whenAVerifiedTokenComesBackWithAnotherSignatureThenItIsRefused() {
        String token = TOKENS.parent();
        client.get().uri("/api/family").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange().expectStatus().isOk();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + TOKENS.signedByAnotherKey()
                .substring(TOKENS.signedByAnotherKey().lastIndexOf('.') + 1);

        client.get().uri("/api/family")
                .header(HttpHeaders.AUTHORIZATION, bearer(forged))
                .exchange()
                .expectStatus().isUnauthorized();

        assertThat(DOWNSTREAM.receivedAt("/api/family")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "expired", "wrongAudience", "wrongIssuer", "signedByAnotherKey", "garbage" })
    void whenTheTokenIsNotTrustworthyThenProblem401(String kind) {
        String token = switch (kind) {
            case "expired" -> TOKENS.expired();
            case "wrongAudience" -> TOKENS.wrongAudience();
            case "wrongIssuer" -> TOKENS.wrongIssuer();
            case "signedByAnotherKey" -> TOKENS.signedByAnotherKey();
            default -> "not.a.jwt";
        };

        client.get().uri("/api/admin/families")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(DOWNSTREAM.receivedAt("/api/admin/families")).isEmpty();
    }

    @Test
    void whenSomeoneLogsInThenTheLoginIsRoutedWithoutToken() {
        client.post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"camille.martin@example.fr\",\"password\":\"secret\"}")
                .exchange()
                .expectStatus().isOk();

        assertThat(DOWNSTREAM.receivedAt("/api/auth/login")).singleElement()
                .satisfies(request -> assertThat(request.body()).contains("camille.martin@example.fr"));
    }

    @Test
    void whenTheSessionCookieHasExpiredThenLoginStillReachesAccountService() {
        client.post().uri("/api/auth/login")
                .cookie("pf_access", TOKENS.expired())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"camille.martin@example.fr\",\"password\":\"secret\"}")
                .exchange()
                .expectStatus().isOk();

        assertThat(DOWNSTREAM.receivedAt("/api/auth/login")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/auth/logout", "/api/account-requests", "/api/auth/activation",
            "/api/auth/password-reset", "/api/auth/password-reset/confirm", "/api/payments/notifications" })
    void whenAPublicPostIsCalledWithoutTokenThenItIsRouted(String path) {
        client.post().uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isOk();

        assertThat(DOWNSTREAM.receivedAt(path)).hasSize(1);
    }

    @Test
    void whenAccountRequestsAreListedWithoutTokenThenProblem401() {
        client.get().uri("/api/account-requests")
                .exchange()
                .expectStatus().isUnauthorized();

        assertThat(DOWNSTREAM.receivedAt("/api/account-requests")).isEmpty();
    }

    @Test
    void whenAProbeCallsHealthThenNoTokenIsNeeded() {
        client.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics).contains("application=\"gateway\""));
    }

    @Test
    void whenMetricsAreAskedWithoutTokenThenProblem401() {
        client.get().uri("/actuator/metrics")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}

package fr.portailfamilles.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.nimbusds.jwt.SignedJWT;

import fr.portailfamilles.platform.web.admission.AdmissionPasses;

/**
 * The waiting room's pass at the gateway: on the booking routes a forged, expired or another family's pass is refused
 * here with a 403 problem and never reaches reservation-service; a good one, or none, goes through.
 */
class AdmissionPassTests extends GatewayTestSupport {

    static final String SECRET = "gateway-tests-admission-pass-secret-0123456789";
    private static final String PROBLEMS = "https://portail-familles.fr/problems/";

    private final AdmissionPasses passes = AdmissionPasses.create(SECRET, false, Clock.systemUTC());

    @Test
    void aValidPassOfTheCallersFamilyReachesTheService() {
        String token = TOKENS.parent();
        String pass = pass(familyOf(token), Instant.now().plusSeconds(600));

        book("/api/reservations", token, pass).expectStatus().isOk();
        book("/api/reservations/weekly-pattern", token, pass).expectStatus().isOk();
        assertThat(DOWNSTREAM.receivedAt("/api/reservations")).singleElement()
                .satisfies(request -> assertThat(request.header(AdmissionPasses.HEADER)).isEqualTo(pass));
        // No pass at all: reservation-service decides whether the period needs one.
        book("/api/reservations", token, null).expectStatus().isOk();
        assertThat(DOWNSTREAM.receivedAt("/api/reservations")).hasSize(2);
    }

    @Test
    void aForgedExpiredOrBorrowedPassIsRefusedBeforeReachingTheService() {
        String token = TOKENS.parent();
        UUID family = familyOf(token);
        String forged = AdmissionPasses.create("a-forger-guessing-the-secret-wrongly-0123456789", false, Clock.systemUTC())
                .issue(new AdmissionPasses.Pass(family, UUID.randomUUID(), UUID.randomUUID(), Instant.now().plusSeconds(600)));

        refused(book("/api/reservations", token, forged), "admission-pass-invalid");
        refused(book("/api/reservations", token, "garbage"), "admission-pass-invalid");
        refused(book("/api/reservations", token, pass(family, Instant.now().minusSeconds(1))), "admission-pass-expired");
        refused(book("/api/reservations/weekly-pattern", token, pass(UUID.randomUUID(), Instant.now().plusSeconds(600))),
                "admission-pass-other-family");
        assertThat(DOWNSTREAM.receivedAt("/api/reservations")).isEmpty();
        assertThat(DOWNSTREAM.receivedAt("/api/reservations/weekly-pattern")).isEmpty();
    }

    @Test
    void otherRoutesIgnoreThePassHeader() {
        client.get().uri("/api/periods").header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent())).header(AdmissionPasses.HEADER, "garbage")
                .exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec book(String path, String token, String pass) {
        WebTestClient.RequestBodySpec request = client.post().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(token))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON);
        if (pass != null) {
            request = request.header(AdmissionPasses.HEADER, pass);
        }
        return request.bodyValue("{\"periodId\":\"" + UUID.randomUUID() + "\"}").exchange();
    }

    private static void refused(WebTestClient.ResponseSpec response, String type) {
        response.expectStatus().isForbidden().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + type).jsonPath("$.traceId").isNotEmpty();
    }

    private String pass(UUID family, Instant expiresAt) {
        return passes.issue(new AdmissionPasses.Pass(family, UUID.randomUUID(), UUID.randomUUID(), expiresAt));
    }

    private static UUID familyOf(String token) {
        try {
            return UUID.fromString(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("family_id"));
        }
        catch (java.text.ParseException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

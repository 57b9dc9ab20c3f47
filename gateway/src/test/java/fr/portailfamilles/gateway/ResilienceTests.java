package fr.portailfamilles.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import fr.portailfamilles.gateway.FakeServices.Reply;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/** A service down, failing or slow: the caller gets a clear problem+json, never a hang or a bare 500. */
class ResilienceTests extends GatewayTestSupport {

    private static final String PROBLEM = "application/problem+json";

    /** reservation-service's own answer when its database pool is saturated. */
    private static final String SERVICE_BUSY = "{\"type\":\"https://portail-familles.fr/problems/service-busy\","
            + "\"title\":\"Service occupé\",\"status\":503,\"detail\":\"Réessayez dans 1 seconde.\"}";

    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void whenTheServiceIsStoppedThenProblem503WithRetryAfterQuickly() {
        DOWNSTREAM.stop("notification-service");
        try {
            long start = System.nanoTime();

            client.get().uri("/api/messages")
                    .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(503)
                    .jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/service-unavailable")
                    .jsonPath("$.detail").isEqualTo(
                            "Le service des messages est momentanément indisponible. Réessayez dans quelques instants.")
                    .jsonPath("$.instance").isEqualTo("/api/messages")
                    .jsonPath("$.traceId").isNotEmpty();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
        finally {
            DOWNSTREAM.start("notification-service");
        }
    }

    @Test
    void whenTheServiceAnswers422ThenTheProblemPassesThroughUnchanged() {
        String problem = "{\"type\":\"https://portail-familles.fr/problems/day-full\",\"title\":\"Demande non valide\","
                + "\"status\":422,\"detail\":\"La journée du 12 juillet est complète.\",\"waitlistRank\":3}";
        DOWNSTREAM.reply("POST", "/api/reservations", Reply.of(422, PROBLEM, problem));

        client.post().uri("/api/reservations")
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                .header("Idempotency-Key", "d3f1c9a2-0000-4000-8000-000000000001")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"childId\":\"c1\",\"periodId\":\"p1\",\"days\":[]}")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(PROBLEM)
                .expectBody(String.class).isEqualTo(problem);

        assertThat(DOWNSTREAM.receivedAt("/api/reservations")).singleElement()
                .satisfies(request -> assertThat(request.header("Idempotency-Key"))
                        .isEqualTo("d3f1c9a2-0000-4000-8000-000000000001"));
    }

    @Test
    void whenTheServiceFailsWith500ThenCircuitBreakerAnswersProblem503WithoutRetry() {
        DOWNSTREAM.reply("GET", "/api/documents", Reply.of(500, "text/plain", "java.lang.NullPointerException at ..."));

        client.get().uri("/api/documents")
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody()
                .jsonPath("$.detail").isEqualTo(
                        "Le service des justificatifs est momentanément indisponible. Réessayez dans quelques instants.");

        assertThat(DOWNSTREAM.receivedAt("/api/documents")).hasSize(1);
    }

    @Test
    void whenAGetMeets503ThenItIsRetriedTwice() {
        DOWNSTREAM.reply("GET", "/api/invoices", Reply.of(503, PROBLEM, "{\"status\":503}"));

        client.get().uri("/api/invoices")
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody().jsonPath("$.detail").isEqualTo(
                        "Le service de facturation est momentanément indisponible. Réessayez dans quelques instants.");

        assertThat(DOWNSTREAM.receivedAt("/api/invoices")).hasSize(3);
    }

    @Test
    void whenAGetMeets503OnceThenTheRetryGetsTheAnswer() {
        DOWNSTREAM.reply("GET", "/api/invoices/7",
                Reply.of(503, PROBLEM, "{\"status\":503}"),
                Reply.of(200, "application/json", "{\"id\":\"7\"}"));

        client.get().uri("/api/invoices/7")
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo("7");

        assertThat(DOWNSTREAM.receivedAt("/api/invoices/7")).hasSize(2);
    }

    @Test
    void whenAPostMeets503ThenItIsNeverRetried() {
        DOWNSTREAM.reply("POST", "/api/invoices/7/payments", Reply.of(503, PROBLEM, "{\"status\":503}"));

        client.post().uri("/api/invoices/7/payments")
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                .header("Idempotency-Key", "d3f1c9a2-0000-4000-8000-000000000002")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(DOWNSTREAM.receivedAt("/api/invoices/7/payments")).hasSize(1);
    }

    @Test
    void whenTheServiceTakesLongerThanASecondThenTheAnswerStillArrives() {
        DOWNSTREAM.reply("GET", "/api/periods", Reply.of(200, "application/json", "[]").delayedBy(1_500));

        client.get().uri("/api/periods")
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("[]");
    }

    @Test
    void whenTheServiceShedsLoadWith503AndRetryAfterThenTheAnswerPassesUnchangedAndTheBreakerStaysClosed() {
        DOWNSTREAM.reply("POST", "/api/reservations", Reply.of(503, PROBLEM, SERVICE_BUSY).withHeader("Retry-After", "1"));
        CircuitBreaker breaker = breakers.circuitBreaker("reservation-service");
        long failedBefore = breaker.getMetrics().getNumberOfFailedCalls();

        // More than the breaker's minimum number of calls (10), all of them "failing" if they counted.
        for (int i = 0; i < 12; i++) {
            client.post().uri("/api/reservations")
                    .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                    .header("Idempotency-Key", "d3f1c9a2-0000-4000-8000-0000000001" + (10 + i))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    .expectHeader().contentType(PROBLEM)
                    .expectBody(String.class).isEqualTo(SERVICE_BUSY);
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(failedBefore);
        assertThat(DOWNSTREAM.receivedAt("/api/reservations")).hasSize(12);
    }

    @Test
    void whenAGetMeets503WithRetryAfterThenItIsNotRetriedAndPassesUnchanged() {
        DOWNSTREAM.reply("GET", "/api/periods/p1/calendar", Reply.of(503, PROBLEM, SERVICE_BUSY).withHeader("Retry-After", "1"));

        client.get().uri("/api/periods/p1/calendar")
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody(String.class).isEqualTo(SERVICE_BUSY);

        assertThat(DOWNSTREAM.receivedAt("/api/periods/p1/calendar")).hasSize(1);
    }

    @Test
    void whenA503HasNoRetryAfterThenTheBreakerCountsItAsAFailure() {
        DOWNSTREAM.reply("POST", "/api/messages/read", Reply.of(503, "text/plain", "upstream gone"));
        CircuitBreaker breaker = breakers.circuitBreaker("notification-service");
        long failedBefore = breaker.getMetrics().getNumberOfFailedCalls();

        client.post().uri("/api/messages/read")
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody().jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/service-unavailable");

        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(failedBefore + 1);
    }
}

package fr.portailfamilles.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.gateway.FakeServices.Reply;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rush on one route: the gateway lets in as many as the route's limit, answers the rest 429 at
 * once without verifying their tokens, and neither the circuit breaker, nor the other classes of
 * request (the waiting room included), nor the other routes suffer from it.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConcurrencyLimitTests extends GatewayTestSupport {

    private static final int BURST = 3 * LIMIT;

    @Autowired
    CircuitBreakerRegistry breakers;

    private final ExecutorService parents = Executors.newFixedThreadPool(BURST);

    /** One parent's answer, as it saw it, and the token it sent. */
    record Answer(String token, int status, String contentType, String retryAfter, String body) {
    }

    @AfterEach
    void stopParents() {
        parents.shutdownNow();
    }

    @Test
    void whenThreeTimesTheLimitBookAtOnceThenTheExcessGets429AtOnceAndReadsAndOtherRoutesStillAnswer(CapturedOutput output)
            throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        DOWNSTREAM.reply("POST", "/api/reservations", Reply.of(201, "application/json", "{\"id\":\"r1\"}").heldUntil(release));
        CircuitBreaker breaker = breakers.circuitBreaker("reservation-service");
        long failedBefore = breaker.getMetrics().getNumberOfFailedCalls();

        List<Future<Answer>> burst = burst((parent, token) -> parent.post().uri("/api/reservations")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"periodId\":\"p1\",\"lines\":[]}")
                .exchange().expectBody().returnResult());
        try {
            awaitReceived("/api/reservations", LIMIT);
            // While the admitted bookings are held in the service: the calendar and another service answer...
            client.get().uri("/api/periods").header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                    .exchange().expectStatus().isOk();
            client.get().uri("/api/documents").header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                    .exchange().expectStatus().isOk();
            // ...joining the waiting room and asking where one stands are not bookings: their own limiter...
            client.post().uri("/api/periods/p1/waiting-room").header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                    .exchange().expectStatus().isOk();
            client.get().uri("/api/periods/p1/waiting-room").header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                    .exchange().expectStatus().isOk();
            // ...and every refusal arrives: none waits for a place.
            assertRefusedWhileAdmittedAreHeld(burst);
        }
        finally {
            release.countDown();
        }
        List<Answer> answers = collect(burst);
        assertOnlyAdmittedAndRefusals(answers, 201);
        assertThat(answers).filteredOn(answer -> answer.status() == 429).extracting(Answer::token)
                .as("a refused booking's token never reaches the JWT decoder").noneMatch(VERIFIED::contains);
        assertThat(answers).filteredOn(answer -> answer.status() == 201).extracting(Answer::token)
                .allMatch(VERIFIED::contains);
        assertThat(DOWNSTREAM.receivedAt("/api/reservations")).hasSize(LIMIT);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(failedBefore);
        assertThat(output.getOut().lines()
                .filter(line -> line.contains("Route reservation-service (writes)") && line.contains("refused with 429")))
                .as("20 refusals make at most one sampled line, not one line each").hasSizeLessThanOrEqualTo(1);
        assertThat(output.getOut()).doesNotContain("Fallback 503 for reservation-service");

        String metrics = client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics)
                .containsPattern("gateway_concurrency_refused_total\\{[^}]*class=\"writes\"[^}]*route=\"reservation-service\"[^}]*} [1-9]")
                .containsPattern("gateway_concurrency_limit\\{[^}]*class=\"writes\"[^}]*route=\"reservation-service\"[^}]*} " + LIMIT)
                .contains("gateway_concurrency_inflight{");
    }

    @Test
    void whenThreeTimesTheLimitReadAtOnceThenTheExcessGets429AndBookingsStillGoThrough() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        DOWNSTREAM.reply("GET", "/api/periods/p1/calendar", Reply.of(200, "application/json", "[]").heldUntil(release));
        CircuitBreaker breaker = breakers.circuitBreaker("reservation-service");
        long failedBefore = breaker.getMetrics().getNumberOfFailedCalls();

        List<Future<Answer>> burst = burst((parent, token) -> parent.get().uri("/api/periods/p1/calendar")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange().expectBody().returnResult());
        try {
            awaitReceived("/api/periods/p1/calendar", LIMIT);
            client.post().uri("/api/reservations")
                    .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                    .header("Idempotency-Key", "d3f1c9a2-0000-4000-8000-000000000009")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange().expectStatus().isOk();
            assertRefusedWhileAdmittedAreHeld(burst);
        }
        finally {
            release.countDown();
        }

        assertOnlyAdmittedAndRefusals(collect(burst), 200);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(failedBefore);
    }

    @Test
    void whenThreeTimesTheLimitJoinTheWaitingRoomAtOnceThenTheExcessGets429AndBookingsStillGoThrough() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        DOWNSTREAM.reply("POST", "/api/periods/p1/waiting-room",
                Reply.of(200, "application/json", "{\"status\":\"WAITING\"}").heldUntil(release));

        List<Future<Answer>> burst = burst((parent, token) -> parent.post().uri("/api/periods/p1/waiting-room")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange().expectBody().returnResult());
        try {
            awaitReceived("/api/periods/p1/waiting-room", LIMIT);
            // The room has a limiter of its own, not none: a flood of joins is shed like any other...
            assertRefusedWhileAdmittedAreHeld(burst);
            // ...without taking the bookings' places.
            client.post().uri("/api/reservations")
                    .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                    .header("Idempotency-Key", "d3f1c9a2-0000-4000-8000-000000000010")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange().expectStatus().isOk();
        }
        finally {
            release.countDown();
        }

        assertOnlyAdmittedAndRefusals(collect(burst), 200);
        String metrics = client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).containsPattern(
                "gateway_concurrency_refused_total\\{[^}]*class=\"waiting-room\"[^}]*route=\"reservation-service\"[^}]*} [1-9]");
    }

    @Test
    void whenARequestHasNoTokenThenItIsRefused401AndLeavesNoPlaceTaken() {
        for (int i = 0; i < 2 * LIMIT; i++) {
            client.post().uri("/api/reservations").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().expectStatus().isUnauthorized();
        }

        client.post().uri("/api/reservations")
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                .header("Idempotency-Key", "d3f1c9a2-0000-4000-8000-000000000011")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange().expectStatus().isOk();
    }

    /** {@code BURST} parents, each with a token of its own, making this call, all released at the same instant. */
    private List<Future<Answer>> burst(BiFunction<WebTestClient, String, EntityExchangeResult<byte[]>> call)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(BURST);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            String token = TOKENS.parent();
            answers.add(parents.submit(() -> {
                ready.countDown();
                go.await();
                EntityExchangeResult<byte[]> result = call.apply(client, token);
                HttpHeaders headers = result.getResponseHeaders();
                byte[] body = result.getResponseBody();
                return new Answer(token, result.getStatus().value(), String.valueOf(headers.getContentType()),
                        headers.getFirst(HttpHeaders.RETRY_AFTER),
                        body == null ? "" : new String(body, StandardCharsets.UTF_8));
            }));
        }
        ready.await();
        go.countDown();
        return answers;
    }

    /** The refusals all come back while the admitted calls are still held by the service. */
    private static void assertRefusedWhileAdmittedAreHeld(List<Future<Answer>> burst) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (burst.stream().filter(Future::isDone).count() < BURST - LIMIT && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<Future<Answer>> done = burst.stream().filter(Future::isDone).toList();
        assertThat(done).hasSize(BURST - LIMIT);
        for (Future<Answer> answer : done) {
            assertThat(answer.get().status()).isEqualTo(429);
        }
    }

    private void assertOnlyAdmittedAndRefusals(List<Answer> answers, int admittedStatus) {
        assertThat(answers).extracting(Answer::status).containsOnly(admittedStatus, 429);
        assertThat(answers).filteredOn(answer -> answer.status() == admittedStatus).hasSize(LIMIT);
        List<Answer> refused = answers.stream().filter(answer -> answer.status() == 429).toList();
        assertThat(refused).hasSize(BURST - LIMIT).allSatisfy(answer -> {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.retryAfter()).isEqualTo("2");
            JsonNode problem = JsonMapper.builder().build().readTree(answer.body());
            assertThat(problem.path("type").asString()).isEqualTo("https://portail-familles.fr/problems/too-many-requests");
            assertThat(problem.path("status").asInt()).isEqualTo(429);
            assertThat(problem.path("title").asString()).isEqualTo("Trop de demandes en ce moment");
            assertThat(problem.path("detail").asString()).isEqualTo("Le service des réservations reçoit beaucoup de "
                    + "demandes en ce moment. Votre demande n'a pas été traitée : réessayez dans quelques secondes.");
            assertThat(problem.path("traceId").asString()).isNotEmpty();
        });
    }

    private static void awaitReceived(String path, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (DOWNSTREAM.receivedAt(path).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(DOWNSTREAM.receivedAt(path)).hasSizeGreaterThanOrEqualTo(count);
    }

    private static List<Answer> collect(List<Future<Answer>> burst) throws Exception {
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> answer : burst) {
            answers.add(answer.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }
}

package fr.portailfamilles.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two reservation-service instances behind {@code lb://reservation-service}: requests reach both, a stopped one
 * is skipped (GETs retried on the other at once, every request once its readiness check fails), and a POST is
 * never sent twice. Real HTTP servers play the instances; the health check runs every 2 s here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.loadbalancer.health-check.interval=2s",
        "resilience4j.timelimiter.configs.default.timeout-duration=30s" })
@AutoConfigureWebTestClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadBalancingTests {

    private static final TestTokens TOKENS = new TestTokens();
    private static final FakeServices UPSTREAMS = start("account-service", "reservation-a", "reservation-b");

    @Autowired
    WebTestClient client;

    private static FakeServices start(String... services) {
        FakeServices fakes = new FakeServices();
        List.of(services).forEach(fakes::start);
        fakes.alwaysReply("GET", "/.well-known/jwks.json", FakeServices.Reply.of(200, "application/json", TOKENS.jwks()));
        return fakes;
    }

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("portail.security.jwks-uri", () -> UPSTREAMS.url("account-service") + "/.well-known/jwks.json");
        registry.add("portail.admission-pass.secret", () -> AdmissionPassTests.SECRET);
        registry.add("RESERVATION_SERVICE_URLS", () -> UPSTREAMS.url("reservation-a") + "," + UPSTREAMS.url("reservation-b"));
        for (String variable : List.of("ACCOUNT", "DOCUMENT", "BILLING", "NOTIFICATION")) {
            registry.add(variable + "_SERVICE_URL", () -> UPSTREAMS.url("account-service"));
        }
    }

    @AfterAll
    static void stopUpstreams() {
        List.of("account-service", "reservation-a", "reservation-b").forEach(UPSTREAMS::stop);
    }

    @Test
    @Order(1)
    void requestsReachBothInstancesAndAStoppedOneIsSkipped() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        // Both instances checked healthy once: the first pass of the health check runs at start-up.
        await().atMost(Duration.ofSeconds(20)).until(() -> getPeriods() == 200);
        UPSTREAMS.reset();

        IntStream.range(0, 20).forEach(i -> assertThat(getPeriods()).isEqualTo(200));
        Map<String, Long> perInstance = countByInstance("/api/periods");
        assertThat(perInstance.keySet()).containsExactlyInAnyOrder("reservation-a", "reservation-b");
        assertThat(perInstance.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(5));

        UPSTREAMS.stop("reservation-b");
        UPSTREAMS.reset();
        // Before the health check notices: each GET meeting the stopped instance is retried on the other one.
        IntStream.range(0, 10).forEach(i -> assertThat(getPeriods()).isEqualTo(200));
        assertThat(countByInstance("/api/periods")).containsExactly(Map.entry("reservation-a", 10L));

        // Once its readiness check failed, no request is sent its way, POSTs included.
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofSeconds(1)).until(() -> {
            UPSTREAMS.reset();
            return IntStream.range(0, 10).allMatch(i -> postReservation() == 200);
        });
        assertThat(countByInstance("/api/reservations")).containsExactly(Map.entry("reservation-a", 10L));
    }

    @Test
    @Order(2)
    void aPostMeetingAStoppedInstanceIsNotRetried() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        UPSTREAMS.start("reservation-b");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            UPSTREAMS.reset();
            IntStream.range(0, 4).forEach(i -> getPeriods());
            return countByInstance("/api/periods").size() == 2;
        });
        UPSTREAMS.stop("reservation-b");
        UPSTREAMS.reset();
        // Round-robin: of two POSTs sent at once, one meets the stopped instance before the next check (2 s).
        List<Integer> statuses = IntStream.range(0, 2).mapToObj(i -> postReservation()).toList();

        assertThat(statuses).contains(503);
        assertThat(UPSTREAMS.receivedAt("/api/reservations")).hasSize((int) statuses.stream().filter(s -> s == 200).count());
    }

    private int getPeriods() {
        return client.get().uri("/api/periods")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.parent())
                .exchange().returnResult(String.class).getStatus().value();
    }

    private int postReservation() {
        return client.post().uri("/api/reservations")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.parent())
                .header("Idempotency-Key", "lb-test")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange().returnResult(String.class).getStatus().value();
    }

    private static Map<String, Long> countByInstance(String path) {
        return UPSTREAMS.receivedAt(path).stream()
                .collect(Collectors.groupingBy(FakeServices.Received::service, Collectors.counting()));
    }
}

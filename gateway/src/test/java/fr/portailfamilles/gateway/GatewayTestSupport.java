package fr.portailfamilles.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.http.HttpHeaders;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.platform.web.SecurityProperties;
import fr.portailfamilles.platform.web.WebSupportAutoConfiguration;

/**
 * The whole gateway on a random port in front of real (fake) services and a real JWKS. Every test
 * class extends this one, so they share one application context and one set of services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Fixed limits (min = max) for reservation-service, so a burst test knows how many get in.
        "portail.gateway.concurrency-limits.routes.reservation-service.writes.initial=" + GatewayTestSupport.LIMIT,
        "portail.gateway.concurrency-limits.routes.reservation-service.writes.min=" + GatewayTestSupport.LIMIT,
        "portail.gateway.concurrency-limits.routes.reservation-service.writes.max=" + GatewayTestSupport.LIMIT,
        "portail.gateway.concurrency-limits.routes.reservation-service.reads.initial=" + GatewayTestSupport.LIMIT,
        "portail.gateway.concurrency-limits.routes.reservation-service.reads.min=" + GatewayTestSupport.LIMIT,
        "portail.gateway.concurrency-limits.routes.reservation-service.reads.max=" + GatewayTestSupport.LIMIT,
        "portail.gateway.concurrency-limits.routes.reservation-service.waiting-room.initial=" + GatewayTestSupport.LIMIT,
        "portail.gateway.concurrency-limits.routes.reservation-service.waiting-room.min=" + GatewayTestSupport.LIMIT,
        "portail.gateway.concurrency-limits.routes.reservation-service.waiting-room.max=" + GatewayTestSupport.LIMIT,
        // A burst test holds the admitted calls until every refusal is in, which on a busy 2-core
        // machine can take longer than the production timeout (10 s).
        "resilience4j.timelimiter.configs.default.timeout-duration=40s",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=40s" })
@AutoConfigureWebTestClient
@Import(GatewayTestSupport.DecoderUnderWatch.class)
abstract class GatewayTestSupport {

    /**
     * The production decoder (JWKS, RS256, issuer, audience, expiry) with a record of every token it
     * was asked to verify. web-support's verified-token cache wraps it as it wraps the real one, so
     * the record holds each distinct token that reached signature verification.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class DecoderUnderWatch {

        @Bean
        ReactiveJwtDecoder recordingJwtDecoder(SecurityProperties properties) {
            ReactiveJwtDecoder verifying = WebSupportAutoConfiguration.verifyingDecoder(properties);
            return token -> {
                VERIFICATIONS.merge(token, 1, Integer::sum);
                return verifying.decode(token);
            };
        }
    }

    /** How many times the JWT decoder verified each token since the context started. */
    static final Map<String, Integer> VERIFICATIONS = new ConcurrentHashMap<>();

    /** Every token the JWT decoder verified since the context started. */
    static final Set<String> VERIFIED = VERIFICATIONS.keySet();

    static final List<String> SERVICES = List.of("account-service", "document-service", "reservation-service",
            "billing-service", "notification-service");

    /**
     * The reservation route's concurrency limit in tests, reads and writes alike. A burst of three
     * times it is above 25, the bulkhead Spring Cloud CircuitBreaker adds unless told not to: without
     * the limits, that bulkhead's 503s would show.
     */
    static final int LIMIT = 10;

    static final TestTokens TOKENS = new TestTokens();
    static final FakeServices DOWNSTREAM = startServices();

    @Autowired
    WebTestClient client;

    private static FakeServices startServices() {
        FakeServices services = new FakeServices();
        SERVICES.forEach(services::start);
        services.alwaysReply("GET", "/.well-known/jwks.json", FakeServices.Reply.of(200, "application/json", TOKENS.jwks()));
        return services;
    }

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("portail.security.jwks-uri", () -> DOWNSTREAM.url("account-service") + "/.well-known/jwks.json");
        registry.add("portail.admission-pass.secret", () -> AdmissionPassTests.SECRET);
        registry.add("ACCOUNT_SERVICE_URL", () -> DOWNSTREAM.url("account-service"));
        registry.add("DOCUMENT_SERVICE_URL", () -> DOWNSTREAM.url("document-service"));
        registry.add("RESERVATION_SERVICE_URL", () -> DOWNSTREAM.url("reservation-service"));
        registry.add("BILLING_SERVICE_URL", () -> DOWNSTREAM.url("billing-service"));
        registry.add("NOTIFICATION_SERVICE_URL", () -> DOWNSTREAM.url("notification-service"));
    }

    private static volatile boolean warmedUp;

    /**
     * A generous client timeout, and one routed call before the first test: the first one pays for
     * the JWKS fetch, connection pools and JIT, which on a busy machine can take seconds, while the
     * tests time what a warm gateway does.
     */
    @BeforeEach
    void warmUpAndResetServices() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        if (!warmedUp) {
            client.get().uri("/api/periods")
                    .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                    .exchange()
                    .expectStatus().isOk();
            warmedUp = true;
        }
        DOWNSTREAM.reset();
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }
}

package fr.portailfamilles.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;

/**
 * What every service promises at its edge, checked the same way everywhere: its own migrated database
 * and a reachable broker, health, metrics and OpenAPI, and problem+json for a caller without a token or
 * a parent on a staff route, a busy problem to retry when the database pool is exhausted. A service's
 * {@code *IT} implements it and names one staff-only GET route that reads the database.
 */
public interface PlatformContract {

    String PROBLEMS = "https://portail-familles.fr/problems/";

    WebTestClient web();

    DatabaseClient database();

    /** {@code spring.application.name}, as metrics tag it and the OpenAPI title names it. */
    String serviceName();

    /** A staff-only GET route of the service. */
    String staffRoute();

    @Test
    default void whenTheServiceStartsThenItsOwnDatabaseIsMigratedAndTheBrokerAnswers() throws Exception {
        assertThat(single("SELECT count(*)::text AS v FROM flyway_schema_history WHERE success")).isNotEqualTo("0");
        assertThat(single("SELECT to_regclass('messaging.outbox_event')::text AS v")).isEqualTo("messaging.outbox_event");
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get()).isNotEmpty();
        }
    }

    @Test
    default void whenProbedThenHealthIsUpAndMetricsAndApiDocsAreServed() {
        web().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        web().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("application=\"" + serviceName() + "\""));
        web().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.info.title").isEqualTo("Portail Familles — " + serviceName());
    }

    @Test
    default void whenNoTokenIsGivenThenTheAnswerIsAnUnauthorizedProblem() {
        web().get().uri(staffRoute()).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unauthenticated");
    }

    @Test
    default void whenAParentCallsAStaffRouteThenTheAnswerIsAForbiddenProblem() {
        web().get().uri(staffRoute()).header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.parent(java.util.UUID.randomUUID()))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "forbidden");
    }

    @Test
    default void whenAForgedTokenIsGivenThenTheAnswerIsAnUnauthorizedProblem() {
        String token = TestTokens.staff();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJlLWZvcmfDqWU";
        web().get().uri(staffRoute()).header(HttpHeaders.AUTHORIZATION, "Bearer " + forged).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    default void whenEveryDatabaseConnectionIsTakenThenTheAnswerIsABusyProblemToRetry() {
        ConnectionPool pool = (ConnectionPool) database().getConnectionFactory();
        List<Connection> taken = Flux.range(0, pool.getMetrics().orElseThrow().getMaxAllocatedSize())
                .flatMap(i -> pool.create()).collectList().block(Duration.ofSeconds(30));
        try {
            web().get().uri(staffRoute()).header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff()).exchange()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter -> assertThat(Integer.parseInt(retryAfter)).isPositive())
                    .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "service-busy");
        }
        finally {
            Flux.fromIterable(taken).flatMap(Connection::close).blockLast(Duration.ofSeconds(30));
        }
    }

    private String single(String sql) {
        return database().sql(sql).map(row -> row.get("v", String.class)).one().block();
    }
}

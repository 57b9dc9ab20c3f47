package fr.portailfamilles.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.billing.config.DemoData;
import fr.portailfamilles.testsupport.IntegrationTest;

@IntegrationTest
@TestPropertySource(properties = "portail.demo.enabled=true")
class BillingServiceIT {

    private static final String PROBLEMS = "https://portail-familles.fr/problems/";

    /** Over real HTTP: what a caller without a token meets. */
    @Autowired
    WebTestClient web;

    /** In-process, so mockJwt() can stand in for a token signed by account-service. */
    WebTestClient api;

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseClient database;

    @Autowired
    DemoData demoData;

    @Value("${portail.test.database}")
    String testDatabase;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @BeforeEach
    void bindInProcess() {
        api = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
    }

    @Test
    void whenTheServiceStartsThenItsOwnDatabaseIsMigratedAndTheBrokerAnswers() throws Exception {
        assertThat(single("SELECT current_database() AS v")).isEqualTo(testDatabase);
        assertThat(single("SELECT string_agg(version, ',' ORDER BY installed_rank) AS v FROM flyway_schema_history WHERE success"))
                .isEqualTo("1");
        assertThat(single("SELECT to_regclass('messaging.outbox_event')::text AS v")).isEqualTo("messaging.outbox_event");
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            assertThat(admin.describeCluster().nodes().get()).isNotEmpty();
        }
    }

    @Test
    void whenProbedThenHealthIsUpAndMetricsAndApiDocsAreServed() {
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("application=\"billing-service\""));
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("Portail Familles — billing-service")
                .jsonPath("$.paths['/api/admin/tariffs'].get").exists();
    }

    @Test
    void whenNoTokenIsGivenThenTheAnswerIsAnUnauthorizedProblem() {
        web.get().uri("/api/admin/tariffs").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unauthenticated");
    }

    @Test
    void whenAParentCallsAStaffRouteThenTheAnswerIsAForbiddenProblem() {
        api.mutateWith(parent()).get().uri("/api/admin/tariffs").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "forbidden");
    }

    @Test
    void whenStaffOpenTheTariffsThenTheDemoGridIsThereOnceEvenAfterARestart() throws Exception {
        demoData.run(null);

        api.mutateWith(staff()).get().uri("/api/admin/tariffs?structureId=" + DemoData.PETITS_LOUPS_ALSH).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(9)
                .jsonPath("$[*].unit").isEqualTo(List.of("JOURNEE", "JOURNEE", "JOURNEE", "MATIN", "MATIN", "MATIN",
                        "APRES_MIDI", "APRES_MIDI", "APRES_MIDI"))
                .jsonPath("$[0].qfMin").isEqualTo(0)
                .jsonPath("$[0].qfMax").isEqualTo(700)
                .jsonPath("$[0].priceCents").isEqualTo(450)
                .jsonPath("$[0].mealPriceCents").isEqualTo(150)
                .jsonPath("$[0].validFrom").isEqualTo("2026-09-01")
                .jsonPath("$[2].qfMin").isEqualTo(1201)
                .jsonPath("$[2].qfMax").doesNotExist();

        api.mutateWith(staff()).get().uri("/api/admin/tariffs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[*].structureId").value(List.class,
                        ids -> assertThat(ids).hasSize(9).containsOnly(DemoData.PETITS_LOUPS_ALSH.toString()));
        assertThat(single("SELECT count(*)::text AS v FROM tariff")).isEqualTo("9");
    }

    @Test
    void whenAnotherStructureHasNoTariffThenTheListIsEmpty() {
        api.mutateWith(staff()).get().uri("/api/admin/tariffs?structureId=" + UUID.randomUUID()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void whenTheStructureIdIsNotAnIdThenTheAnswerIsABadRequestProblem() {
        api.mutateWith(staff()).get().uri("/api/admin/tariffs?structureId=1%20OR%201=1").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.traceId").isNotEmpty();
    }

    @Test
    void whenTariffsAreWrittenToThenTheAnswerIsAProblemAndNothingChanges() {
        api.mutateWith(staff()).post().uri("/api/admin/tariffs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"priceCents\": ")
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(single("SELECT count(*)::text AS v FROM tariff")).isEqualTo("9");
    }

    private static SecurityMockServerConfigurers.JwtMutator staff() {
        return mockJwt().jwt(jwt -> jwt.claim("roles", List.of("STAFF"))).authorities(new SimpleGrantedAuthority("ROLE_STAFF"));
    }

    private static SecurityMockServerConfigurers.JwtMutator parent() {
        return mockJwt().jwt(jwt -> jwt.claim("roles", List.of("PARENT")).claim("family_id", UUID.randomUUID().toString()))
                .authorities(new SimpleGrantedAuthority("ROLE_PARENT"));
    }

    private String single(String sql) {
        return database.sql(sql).map(row -> row.get("v", String.class)).one().block();
    }
}

package fr.portailfamilles.document;

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
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.testsupport.IntegrationTest;

@IntegrationTest
class DocumentServiceIT {

    private static final String PROBLEMS = "https://portail-familles.fr/problems/";
    private static final List<String> NEUTRE = List.of("AVIS_IMPOSITION", "JUSTIFICATIF_DOMICILE", "NOTIFICATION_CAF",
            "JUGEMENT_GARDE");

    /** Over real HTTP: what a caller without a token meets. */
    @Autowired
    WebTestClient web;

    /** In-process, so mockJwt() can stand in for a token signed by account-service. */
    WebTestClient api;

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseClient database;

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
                .isEqualTo("1,2");
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
                .expectBody(String.class).value(body -> assertThat(body).contains("application=\"document-service\""));
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("Portail Familles — document-service")
                .jsonPath("$.paths['/api/documents/types'].get").exists()
                .jsonPath("$.paths['/api/admin/document-types'].get").exists();
    }

    @Test
    void whenNoTokenIsGivenThenTheAnswerIsAnUnauthorizedProblem() {
        web.get().uri("/api/documents/types?dossier=ALSH").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unauthenticated");
        web.get().uri("/api/admin/document-types").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void whenAParentCallsAStaffRouteThenTheAnswerIsAForbiddenProblem() {
        api.mutateWith(parent()).get().uri("/api/admin/document-types").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "forbidden");
    }

    @Test
    void whenStaffOpenTheCatalogueThenEveryTypeOfTheGuideIsThere() {
        api.mutateWith(staff()).get().uri("/api/admin/document-types").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].code").isEqualTo(List.of("AVIS_IMPOSITION", "JUSTIFICATIF_DOMICILE", "NOTIFICATION_CAF",
                        "JUGEMENT_GARDE", "ASSURANCE_EXTRASCOLAIRE", "VACCINATIONS_ALSH", "ASSURANCE_RESPONSABILITE_CIVILE",
                        "VACCINATIONS_CRECHE"))
                .jsonPath("$[?(@.code == 'AVIS_IMPOSITION')].validityRule").isEqualTo(List.of("LATEST_TAX_NOTICE"))
                .jsonPath("$[?(@.code == 'JUSTIFICATIF_DOMICILE')].validityRule").isEqualTo(List.of("ISSUED_WITHIN_3_MONTHS"))
                .jsonPath("$[?(@.code == 'NOTIFICATION_CAF')].validityRule").isEqualTo(List.of("COVERS_LAST_12_MONTHS"))
                .jsonPath("$[?(@.code == 'JUGEMENT_GARDE')].mandatory").isEqualTo(List.of(false))
                .jsonPath("$[?(@.code == 'ASSURANCE_EXTRASCOLAIRE')].label").isEqualTo(List.of("Attestation d'assurance extrascolaire"))
                .jsonPath("$[?(@.code == 'ASSURANCE_EXTRASCOLAIRE')].validityRule").isEqualTo(List.of("SCHOOL_YEAR"))
                .jsonPath("$[?(@.code == 'VACCINATIONS_CRECHE')].scope").isEqualTo(List.of("CHILD"));
    }

    @Test
    void whenAParentAddsADocumentToAnAlshDossierThenTheNeutreAndAlshTypesAreOffered() {
        api.mutateWith(parent()).get().uri("/api/documents/types?dossier=ALSH").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].code").isEqualTo(concat(NEUTRE, "ASSURANCE_EXTRASCOLAIRE", "VACCINATIONS_ALSH"))
                .jsonPath("$[?(@.code == 'ASSURANCE_EXTRASCOLAIRE')].hint").value(List.class,
                        hints -> assertThat((String) hints.get(0)).contains("durant les activités extra scolaires"));

        api.mutateWith(parent()).get().uri("/api/documents/types?dossier=CRECHE").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].code").isEqualTo(concat(NEUTRE, "ASSURANCE_RESPONSABILITE_CIVILE", "VACCINATIONS_CRECHE"));

        api.mutateWith(parent()).get().uri("/api/documents/types?dossier=NEUTRE").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[*].code").isEqualTo(NEUTRE);
    }

    @Test
    void whenTheDossierIsMissingOrUnknownThenTheAnswerIsABadRequestProblem() {
        api.mutateWith(parent()).get().uri("/api/documents/types?dossier=PISCINE").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.traceId").isNotEmpty();
        api.mutateWith(parent()).get().uri("/api/documents/types").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void whenTheCatalogueIsWrittenToThenTheAnswerIsAProblemAndNothingChanges() {
        api.mutateWith(staff()).post().uri("/api/admin/document-types").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\": ")
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(single("SELECT count(*)::text AS v FROM document_type")).isEqualTo("8");
    }

    private static List<String> concat(List<String> first, String... more) {
        return java.util.stream.Stream.concat(first.stream(), java.util.Arrays.stream(more)).toList();
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

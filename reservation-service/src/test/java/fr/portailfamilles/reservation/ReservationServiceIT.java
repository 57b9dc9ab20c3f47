package fr.portailfamilles.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.util.HashMap;
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

import fr.portailfamilles.reservation.config.DemoData;

class ReservationServiceIT extends ReservationIntegrationTest {

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
                .isEqualTo("1,2,3,4,5,6");
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
                .expectBody(String.class).value(body -> assertThat(body).contains("application=\"reservation-service\""));
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("Portail Familles — reservation-service")
                .jsonPath("$.paths['/api/admin/structures'].post").exists();
    }

    @Test
    void whenNoTokenIsGivenThenTheAnswerIsAnUnauthorizedProblem() {
        web.get().uri("/api/admin/structures").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unauthenticated");
    }

    @Test
    void whenAParentCallsAStaffRouteThenTheAnswerIsAForbiddenProblem() {
        api.mutateWith(parent()).get().uri("/api/admin/structures").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "forbidden");
        api.mutateWith(parent()).post().uri("/api/admin/structures").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(structure("Accueil interdit " + UUID.randomUUID(), "ALSH", "contact@exemple.fr"))
                .exchange()
                .expectStatus().isForbidden();
        assertThat(countLike("Accueil interdit %")).isZero();
    }

    @Test
    void whenStaffListStructuresThenTheDemoStructuresAreThereOnceEvenAfterARestart() throws Exception {
        demoData.run(null);

        api.mutateWith(staff()).get().uri("/api/admin/structures").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == '" + DemoData.PETITS_LOUPS_ALSH + "')].name").isEqualTo(List.of("Accueil de loisirs Les Petits Loups"))
                .jsonPath("$[?(@.id == '" + DemoData.PETITS_LOUPS_ALSH + "')].kind").isEqualTo(List.of("ALSH"))
                .jsonPath("$[?(@.id == '" + DemoData.PETITS_LOUPS_ALSH + "')].town").isEqualTo(List.of("Reims"))
                .jsonPath("$[?(@.id == '" + DemoData.LUCIOLES_CRECHE + "')].name").isEqualTo(List.of("Multi-accueil Les Lucioles"))
                .jsonPath("$[?(@.id == '" + DemoData.LUCIOLES_CRECHE + "')].kind").isEqualTo(List.of("CRECHE"));
        assertThat(countLike("Accueil de loisirs Les Petits Loups")).isEqualTo(1);
        assertThat(countLike("Multi-accueil Les Lucioles")).isEqualTo(1);
    }

    @Test
    void whenStaffDeclareAStructureThenItIsCreatedWhereTheLocationSaysAndListed() {
        String name = "Périscolaire Jean Macé " + UUID.randomUUID();

        String location = api.mutateWith(staff()).post().uri("/api/admin/structures").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(structure(name, "PERISCOLAIRE", "Periscolaire.JeanMace@Exemple.fr"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.id").isNotEmpty()
                .jsonPath("$.kind").isEqualTo("PERISCOLAIRE")
                .jsonPath("$.contactEmail").isEqualTo("periscolaire.jeanmace@exemple.fr")
                .jsonPath("$.createdAt").isNotEmpty()
                .returnResult().getResponseHeaders().getLocation().toString();

        assertThat(location).matches("/api/admin/structures/[0-9a-f-]{36}");
        api.mutateWith(staff()).get().uri(location).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo(name);
        api.mutateWith(staff()).get().uri("/api/admin/structures").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.name == '" + name + "')].town").isEqualTo(List.of("Reims"));
    }

    @Test
    void whenTheSameStructureIsDeclaredTwiceThenTheSecondIsAConflictProblem() {
        String name = "Accueil en double " + UUID.randomUUID();
        api.mutateWith(staff()).post().uri("/api/admin/structures").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(structure(name, "ALSH", "double@exemple.fr"))
                .exchange().expectStatus().isCreated();

        api.mutateWith(staff()).post().uri("/api/admin/structures").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(structure(name.toUpperCase(), "ALSH", "double@exemple.fr"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "structure-exists");
        assertThat(countLike(name)).isEqualTo(1);
    }

    @Test
    void whenTheFormIsInvalidThenProblemDetailsNameTheFieldsAndNothingIsStored() {
        String name = "Accueil invalide " + UUID.randomUUID();
        Map<String, Object> form = new HashMap<>(structure(name, "ALSH", "pas-une-adresse"));
        form.put("town", " ");

        api.mutateWith(staff()).post().uri("/api/admin/structures").contentType(MediaType.APPLICATION_JSON).bodyValue(form)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "validation")
                .jsonPath("$.violations[*].field").value(List.class,
                        fields -> assertThat(fields).containsExactlyInAnyOrder("contactEmail", "town"))
                .jsonPath("$.traceId").isNotEmpty();

        assertThat(countLike(name)).isZero();
    }

    @Test
    void whenTheBodyIsNotJsonOrHasAnUnknownKindOrFieldThenItIsRefusedAsAProblemAndNothingIsStored() {
        api.mutateWith(staff()).post().uri("/api/admin/structures").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");

        String name = "Accueil inconnu " + UUID.randomUUID();
        api.mutateWith(staff()).post().uri("/api/admin/structures").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(structure(name, "PISCINE", "piscine@exemple.fr"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        Map<String, Object> withUnknownField = new HashMap<>(structure(name, "ALSH", "inconnu@exemple.fr"));
        withUnknownField.put("capacity", 5000);
        api.mutateWith(staff()).post().uri("/api/admin/structures").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(withUnknownField)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(countLike(name)).isZero();
    }

    @Test
    void whenAStructureIsUnknownThenTheAnswerIsANotFoundProblem() {
        api.mutateWith(staff()).get().uri("/api/admin/structures/" + UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
        api.mutateWith(staff()).get().uri("/api/admin/structures/not-a-uuid").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static Map<String, Object> structure(String name, String kind, String contactEmail) {
        return Map.of("name", name, "kind", kind, "address", "3 rue des Écoles", "town", "Reims", "contactEmail", contactEmail);
    }

    private static SecurityMockServerConfigurers.JwtMutator staff() {
        return mockJwt().jwt(jwt -> jwt.claim("roles", List.of("STAFF"))).authorities(new SimpleGrantedAuthority("ROLE_STAFF"));
    }

    private static SecurityMockServerConfigurers.JwtMutator parent() {
        return mockJwt().jwt(jwt -> jwt.claim("roles", List.of("PARENT")).claim("family_id", UUID.randomUUID().toString()))
                .authorities(new SimpleGrantedAuthority("ROLE_PARENT"));
    }

    private long countLike(String pattern) {
        return database.sql("SELECT count(*) AS n FROM structure WHERE name ILIKE :pattern").bind("pattern", pattern)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private String single(String sql) {
        return database.sql(sql).map(row -> row.get("v", String.class)).one().block();
    }
}

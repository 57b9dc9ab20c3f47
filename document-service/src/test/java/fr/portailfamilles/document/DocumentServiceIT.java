package fr.portailfamilles.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.testsupport.IntegrationTest;
import fr.portailfamilles.testsupport.PlatformContract;
import fr.portailfamilles.testsupport.TestTokens;

@IntegrationTest
class DocumentServiceIT implements PlatformContract {

    private static final List<String> NEUTRE = List.of("AVIS_IMPOSITION", "JUSTIFICATIF_DOMICILE", "NOTIFICATION_CAF",
            "JUGEMENT_GARDE");

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Override
    public WebTestClient web() {
        return web;
    }

    @Override
    public DatabaseClient database() {
        return database;
    }

    @Override
    public String serviceName() {
        return "document-service";
    }

    @Override
    public String staffRoute() {
        return "/api/admin/document-types";
    }

    @Test
    void theApiDocsDescribeTheCatalogueRoutes() {
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/documents/types'].get").exists()
                .jsonPath("$.paths['/api/admin/document-types'].get").exists();
    }

    @Test
    void whenNoTokenIsGivenThenParentRoutesAnswerAnUnauthorizedProblem() {
        web.get().uri("/api/documents/types?dossier=ALSH").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void whenStaffOpenTheCatalogueThenEveryTypeOfTheGuideIsThere() {
        staff().get().uri("/api/admin/document-types").exchange()
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
        parent().get().uri("/api/documents/types?dossier=ALSH").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].code").isEqualTo(concat(NEUTRE, "ASSURANCE_EXTRASCOLAIRE", "VACCINATIONS_ALSH"))
                .jsonPath("$[?(@.code == 'ASSURANCE_EXTRASCOLAIRE')].hint").value(List.class,
                        hints -> assertThat((String) hints.get(0)).contains("durant les activités extra scolaires"));

        parent().get().uri("/api/documents/types?dossier=CRECHE").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].code").isEqualTo(concat(NEUTRE, "ASSURANCE_RESPONSABILITE_CIVILE", "VACCINATIONS_CRECHE"));

        parent().get().uri("/api/documents/types?dossier=NEUTRE").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[*].code").isEqualTo(NEUTRE);
    }

    @Test
    void whenTheDossierIsMissingOrUnknownThenTheAnswerIsABadRequestProblem() {
        parent().get().uri("/api/documents/types?dossier=PISCINE").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.traceId").isNotEmpty();
        parent().get().uri("/api/documents/types").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void whenTheCatalogueIsWrittenToThenTheAnswerIsAProblemAndNothingChanges() {
        staff().post().uri("/api/admin/document-types").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\": ")
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(single("SELECT count(*)::text AS v FROM document_type")).isEqualTo("8");
    }

    private static List<String> concat(List<String> first, String... more) {
        return java.util.stream.Stream.concat(first.stream(), java.util.Arrays.stream(more)).toList();
    }

    private WebTestClient staff() {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff()).build();
    }

    private WebTestClient parent() {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.parent(UUID.randomUUID())).build();
    }

    private String single(String sql) {
        return database.sql(sql).map(row -> row.get("v", String.class)).one().block();
    }
}

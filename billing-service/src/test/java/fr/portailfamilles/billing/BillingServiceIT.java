package fr.portailfamilles.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.billing.config.DemoData;
import fr.portailfamilles.testsupport.IntegrationTest;
import fr.portailfamilles.testsupport.PlatformContract;
import fr.portailfamilles.testsupport.TestTokens;

@IntegrationTest
@TestPropertySource(properties = "portail.demo.enabled=true")
class BillingServiceIT implements PlatformContract {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Autowired
    DemoData demoData;

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
        return "billing-service";
    }

    @Override
    public String staffRoute() {
        return "/api/admin/tariffs";
    }

    @Test
    void theApiDocsDescribeTheTariffRoute() {
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/admin/tariffs'].get").exists();
    }

    @Test
    void whenStaffOpenTheTariffsThenTheDemoGridIsThereOnceEvenAfterARestart() throws Exception {
        demoData.run(null);

        staff().get().uri("/api/admin/tariffs?structureId=" + DemoData.PETITS_LOUPS_ALSH).exchange()
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

        staff().get().uri("/api/admin/tariffs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[*].structureId").value(List.class,
                        ids -> assertThat(ids).hasSize(9).containsOnly(DemoData.PETITS_LOUPS_ALSH.toString()));
        assertThat(single("SELECT count(*)::text AS v FROM tariff")).isEqualTo("9");
    }

    @Test
    void whenAnotherStructureHasNoTariffThenTheListIsEmpty() {
        staff().get().uri("/api/admin/tariffs?structureId=" + UUID.randomUUID()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void whenTheStructureIdIsNotAnIdThenTheAnswerIsABadRequestProblem() {
        staff().get().uri("/api/admin/tariffs?structureId=1%20OR%201=1").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.traceId").isNotEmpty();
    }

    @Test
    void whenTariffsAreWrittenToThenTheAnswerIsAProblemAndNothingChanges() {
        staff().post().uri("/api/admin/tariffs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"priceCents\": ")
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(single("SELECT count(*)::text AS v FROM tariff")).isEqualTo("9");
    }

    private WebTestClient staff() {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff()).build();
    }

    private String single(String sql) {
        return database.sql(sql).map(row -> row.get("v", String.class)).one().block();
    }
}

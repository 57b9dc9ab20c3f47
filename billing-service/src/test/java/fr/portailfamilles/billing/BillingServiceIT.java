package fr.portailfamilles.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.billing.config.DemoData;
import fr.portailfamilles.testsupport.PlatformContract;
import fr.portailfamilles.testsupport.TestTokens;

class BillingServiceIT extends BillingIntegrationTest implements PlatformContract {

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
                .jsonPath("$.length()").isEqualTo(18)
                .jsonPath("$[*].unit").isEqualTo(List.of("JOURNEE", "JOURNEE", "JOURNEE", "MATIN", "MATIN", "MATIN",
                        "APRES_MIDI", "APRES_MIDI", "APRES_MIDI", "JOURNEE", "JOURNEE", "JOURNEE", "MATIN", "MATIN", "MATIN",
                        "APRES_MIDI", "APRES_MIDI", "APRES_MIDI"))
                .jsonPath("$[0].qfMin").isEqualTo(0)
                .jsonPath("$[0].qfMax").isEqualTo(700)
                .jsonPath("$[0].priceCents").isEqualTo(450)
                .jsonPath("$[0].mealPriceCents").isEqualTo(150)
                .jsonPath("$[0].validFrom").isEqualTo("2026-09-01")
                .jsonPath("$[2].qfMin").isEqualTo(1201)
                .jsonPath("$[2].qfMax").doesNotExist()
                .jsonPath("$[9].validFrom").isEqualTo("2025-09-01")
                .jsonPath("$[9].priceCents").isEqualTo(430);

        staff().get().uri("/api/admin/tariffs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[*].structureId").value(List.class,
                        ids -> assertThat(ids).contains(DemoData.PETITS_LOUPS_ALSH.toString()));
        assertThat(single("SELECT count(*)::text AS v FROM tariff WHERE structure_id = '" + DemoData.PETITS_LOUPS_ALSH + "'"))
                .isEqualTo("18");
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
    void whenAnAdministratorAddsAGridThenItIsPricedFromItsDateWhileStaffMalformedOrOverlappingGridsChangeNothing() {
        UUID structure = UUID.randomUUID();
        String from = java.time.LocalDate.now().plusDays(10).toString();
        java.util.Map<String, Object> grid = java.util.Map.of("structureId", structure, "unit", "JOURNEE", "validFrom", from,
                "brackets", List.of(java.util.Map.of("qfMin", 0, "qfMax", 700, "priceCents", 450, "mealPriceCents", 150),
                        java.util.Map.of("qfMin", 701, "priceCents", 900, "mealPriceCents", 300)));

        staff().post().uri("/api/admin/tariffs").contentType(MediaType.APPLICATION_JSON).bodyValue(grid).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/admin-only");
        admin().post().uri("/api/admin/tariffs").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"priceCents\": ").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        admin().post().uri("/api/admin/tariffs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("structureId", structure, "unit", "JOURNEE", "validFrom", from,
                        "brackets", List.of(java.util.Map.of("qfMin", 0, "qfMax", 700, "priceCents", 450, "mealPriceCents", 150),
                                java.util.Map.of("qfMin", 650, "priceCents", 900, "mealPriceCents", 300))))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/tariff-grid-invalid");
        assertThat(single("SELECT count(*)::text AS v FROM tariff WHERE structure_id = '" + structure + "'")).isEqualTo("0");

        admin().post().uri("/api/admin/tariffs").contentType(MediaType.APPLICATION_JSON).bodyValue(grid).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[1].qfMin").isEqualTo(701);
        admin().post().uri("/api/admin/tariffs").contentType(MediaType.APPLICATION_JSON).bodyValue(grid).exchange()
                .expectStatus().isEqualTo(409);
        staff().get().uri("/api/admin/tariffs?structureId=" + structure).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].validFrom").isEqualTo(from)
                .jsonPath("$[0].priceCents").isEqualTo(450);
        parent(UUID.randomUUID()).post().uri("/api/admin/tariffs").contentType(MediaType.APPLICATION_JSON).bodyValue(grid).exchange()
                .expectStatus().isForbidden();
        assertThat(single("SELECT count(*)::text AS v FROM tariff WHERE structure_id = '" + DemoData.PETITS_LOUPS_ALSH + "'"))
                .isEqualTo("18");
    }

    @Test
    void whenTheDemoStartsThenTheBernardFamilyHasOneUnpaidJuneInvoiceEvenAfterARestart() throws Exception {
        demoData.run(null);

        web.get().uri("/api/invoices").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.parent(DemoData.BERNARD_FAMILY))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].month").isEqualTo("2026-06")
                .jsonPath("$[0].structureId").isEqualTo(DemoData.PETITS_LOUPS_ALSH.toString())
                .jsonPath("$[0].status").isEqualTo("ISSUED")
                // No quotient familial known: the highest bracket of the 2025-2026 grid, 2 × (13,50 + 4,00) + 7,70 + (7,70 + 4,00)
                .jsonPath("$[0].amountCents").isEqualTo(5440)
                .jsonPath("$[0].number").value(String.class, number -> assertThat(number).matches("PL-20[0-9]{2}-000001"));
        assertThat(single("SELECT count(*)::text AS v FROM billable_line WHERE family_id = '" + DemoData.BERNARD_FAMILY
                + "' AND invoice_id IS NOT NULL")).isEqualTo("4");
    }
}

package fr.portailfamilles.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import fr.portailfamilles.events.Topics;
import fr.portailfamilles.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Staff's billing: the run says what it left out, the filtered list and its totals, an invoice, a payment taken at the counter. */
class InvoiceAdminIT extends BillingIntegrationTest {

    private static final String STRUCTURE_NAME = "ALSH Les Hirondelles";

    @Test
    void whenStaffRunAMonthThenTheRunSaysWhatItLeftOutAndWhy() {
        UUID structure = UUID.randomUUID();
        UUID priced = UUID.randomUUID();
        UUID unpriced = UUID.randomUUID();
        simpleGrid(structure, LocalDate.of(2034, 1, 1));
        family(priced, "Perrin", 500);
        family(unpriced, "Roux", 900);
        line(priced, structure, STRUCTURE_NAME, LocalDate.of(2034, 3, 6), "JOURNEE");
        line(unpriced, structure, STRUCTURE_NAME, LocalDate.of(2034, 3, 7), "JOURNEE");
        // No day price above QF 700: Roux (QF 900) is left out, with the reason.
        database.sql("DELETE FROM tariff WHERE structure_id = '" + structure + "' AND unit = 'JOURNEE' AND qf_max IS NULL").then().block();

        staff().post().uri("/api/admin/invoice-runs").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("month", "2034-03"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.invoices[?(@.familyId == '" + priced + "')].totalCents").isEqualTo(List.of(450))
                .jsonPath("$.notInvoiced[?(@.familyId == '" + unpriced + "')].familyName").isEqualTo(List.of("Roux"))
                .jsonPath("$.notInvoiced[?(@.familyId == '" + unpriced + "')].reason")
                .value(List.class, reasons -> assertThat(reasons.get(0).toString()).contains("Aucun tarif JOURNEE", "quotient familial 900"))
                .jsonPath("$.receivedUntil").isNotEmpty()
                // March 2034 is still to come: its later days will be invoiced by a later run.
                .jsonPath("$.monthNotOver").isEqualTo(true);
    }

    @Test
    void staffFilterInvoicesWithTotalsThenACounterPaymentPaysTheParentsInvoiceOnce() throws Exception {
        UUID structure = UUID.randomUUID();
        UUID familyId = UUID.randomUUID();
        String name = "Guichet" + UUID.randomUUID().toString().substring(0, 8);
        simpleGrid(structure, LocalDate.of(2035, 1, 1));
        family(familyId, name, 500);
        line(familyId, structure, STRUCTURE_NAME, LocalDate.of(2035, 4, 2), "JOURNEE_REPAS");
        line(familyId, structure, STRUCTURE_NAME, LocalDate.of(2035, 5, 2), "MATIN");
        for (String month : List.of("2035-04", "2035-05")) {
            staff().post().uri("/api/admin/invoice-runs").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("month", month))
                    .exchange().expectStatus().isOk();
        }

        staff().get().uri("/api/admin/invoices?family={name}", name.toLowerCase()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.count").isEqualTo(2)
                .jsonPath("$.totalCents").isEqualTo(850)
                .jsonPath("$.unpaidCents").isEqualTo(850)
                .jsonPath("$.invoices[0].month").isEqualTo("2035-05")
                .jsonPath("$.invoices[0].familyName").isEqualTo(name);
        String april = single("SELECT id::text FROM invoice WHERE family_id = '" + familyId + "' AND month = '2035-04'");
        staff().get().uri("/api/admin/invoices?month=2035-04&family={id}&status=ISSUED", familyId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.invoices[*].id").isEqualTo(List.of(april));
        staff().get().uri("/api/admin/invoices/" + april).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.invoice.amountCents").isEqualTo(600)
                .jsonPath("$.lines[0].unit").isEqualTo("JOURNEE_REPAS");

        // A cheque needs its number; nothing is recorded without it.
        staff().post().uri("/api/admin/invoices/" + april + "/payments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("method", "CHEQUE")).exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        try (TopicProbe probe = new TopicProbe(Topics.INVOICE)) {
            staff().post().uri("/api/admin/invoices/" + april + "/payments").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("method", "CHEQUE", "reference", "CHQ 0012345")).exchange()
                    .expectStatus().isCreated()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("PAID")
                    .jsonPath("$.method").isEqualTo("CHEQUE")
                    .jsonPath("$.amountCents").isEqualTo(600);
            List<ConsumerRecord<String, String>> received = probe.await(
                    record -> record.value().contains(april) && "billing.PaymentReceived.v1".equals(TopicProbe.header(record, "ce_type")),
                    Duration.ofSeconds(60));
            assertThat(received).hasSize(1);
            JsonNode payload = JsonMapper.shared().readTree(received.get(0).value());
            assertThat(payload.get("resultCode").asString()).isEqualTo("G");
            assertThat(payload.get("familyUnpaidCents").asInt()).isEqualTo(250);
        }
        // A second click: already paid, nothing more recorded.
        staff().post().uri("/api/admin/invoices/" + april + "/payments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("method", "CASH")).exchange()
                .expectStatus().isEqualTo(409);
        assertThat(count("SELECT count(*) FROM payment WHERE invoice_id = '" + april + "'")).isEqualTo(1);

        parent(familyId).get().uri("/api/invoices/" + april).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.invoice.status").isEqualTo("PAID");
        staff().get().uri("/api/admin/invoices/" + april + "/payments").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].reference").isEqualTo("CHQ 0012345");
        staff().get().uri("/api/admin/invoices?family={id}", familyId).exchange()
                .expectBody().jsonPath("$.paidCents").isEqualTo(600).jsonPath("$.unpaidCents").isEqualTo(250);
    }

    @Test
    void aParentIsRefusedEveryStaffBillingRoute() {
        UUID familyId = UUID.randomUUID();
        for (String path : List.of("/api/admin/invoices", "/api/admin/payments", "/api/admin/invoices/" + UUID.randomUUID())) {
            parent(familyId).get().uri(path).exchange().expectStatus().isForbidden();
        }
        parent(familyId).post().uri("/api/admin/invoices/" + UUID.randomUUID() + "/payments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("method", "CASH")).exchange().expectStatus().isForbidden();
        staff().get().uri("/api/admin/invoices?month=2035-13").exchange().expectStatus().isEqualTo(422);
    }
}

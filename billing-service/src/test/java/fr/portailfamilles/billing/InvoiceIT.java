package fr.portailfamilles.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import fr.portailfamilles.events.Topics;
import fr.portailfamilles.events.account.FamilyRegistered;
import fr.portailfamilles.events.account.ParentContact;
import fr.portailfamilles.events.account.ChildProfile;
import fr.portailfamilles.events.reservation.ReservationCancelled;
import fr.portailfamilles.events.reservation.ReservationConfirmed;
import fr.portailfamilles.events.reservation.WaitlistPromoted;
import fr.portailfamilles.testsupport.TestEventPublisher;
import fr.portailfamilles.testsupport.TopicProbe;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Booked places arrive as reservation events, the monthly run invoices them, the family reads and downloads its invoices. */
class InvoiceIT extends BillingIntegrationTest {

    private static final String BOIS_JOLI = "ALSH Bois Joli";

    @Test
    void whenPlacesAreBookedAndCancelledThenTheRunBillsEachOnceAtTheFamilysBracketWithMealsAndGapFreeNumbers() throws Exception {
        UUID structure = UUID.randomUUID();
        UUID dupont = UUID.randomUUID();
        UUID leroy = UUID.randomUUID();
        UUID child = UUID.randomUUID();
        simpleGrid(structure, LocalDate.of(2031, 1, 1));
        // From mid-March a dearer grid: a day is priced by the grid in force that day.
        tariff(structure, "JOURNEE", 0, 700, 500, 160, LocalDate.of(2031, 3, 16));
        tariff(structure, "JOURNEE", 701, null, 1000, 320, LocalDate.of(2031, 3, 16));
        UUID dayWithMeal = UUID.randomUUID();
        UUID morning = UUID.randomUUID();
        UUID promoted = UUID.randomUUID();
        UUID freelyCancelled = UUID.randomUUID();
        UUID lateCancelled = UUID.randomUUID();
        UUID leroyDay = UUID.randomUUID();
        Instant at = Instant.parse("2031-02-01T10:00:00Z");
        try (TestEventPublisher publisher = new TestEventPublisher()) {
            publisher.publish(new FamilyRegistered(dupont, "Dupont", "8 rue des Tilleuls", "51100", "Reims", true, true, 650,
                    List.<ParentContact>of(), List.<ChildProfile>of(), at));
            // Leroy: no quotient familial known, so the highest bracket.
            publisher.publish(new FamilyRegistered(leroy, "Leroy", "2 rue Cérès", "51100", "Reims", true, true, null,
                    List.<ParentContact>of(), List.<ChildProfile>of(), at));
            String first = publisher.publish(confirmed(dayWithMeal, dupont, child, structure, LocalDate.of(2031, 3, 3), "JOURNEE_REPAS"));
            publisher.publish(confirmed(morning, dupont, child, structure, LocalDate.of(2031, 3, 4), "MATIN"));
            publisher.publish(new WaitlistPromoted(promoted, dupont, child, "Léo", structure, BOIS_JOLI, "ALSH", UUID.randomUUID(),
                    LocalDate.of(2031, 3, 5), "APRES_MIDI_REPAS", true, at));
            publisher.publish(confirmed(freelyCancelled, dupont, child, structure, LocalDate.of(2031, 3, 6), "JOURNEE"));
            publisher.publish(cancelled(freelyCancelled, dupont, child, structure, LocalDate.of(2031, 3, 6), "JOURNEE", false, false));
            publisher.publish(confirmed(lateCancelled, dupont, child, structure, LocalDate.of(2031, 3, 20), "JOURNEE_REPAS"));
            publisher.publish(cancelled(lateCancelled, dupont, child, structure, LocalDate.of(2031, 3, 20), "JOURNEE_REPAS", true, true));
            publisher.publish(confirmed(leroyDay, leroy, UUID.randomUUID(), structure, LocalDate.of(2031, 3, 3), "JOURNEE"));
            // Redelivered: processed once.
            publisher.publish(confirmed(dayWithMeal, dupont, child, structure, LocalDate.of(2031, 3, 3), "JOURNEE_REPAS"), first);
            await(() -> count("SELECT count(*) FROM billable_line WHERE structure_id = '" + structure + "'") == 6
                    && count("SELECT count(*) FROM billable_line WHERE reservation_id = '" + lateCancelled + "' AND late_cancelled") == 1
                    && count("SELECT count(*) FROM family WHERE id IN ('" + dupont + "', '" + leroy + "')") == 2);
        }
        assertThat(count("SELECT count(*) FROM billable_line WHERE structure_id = '" + structure + "' AND billable")).isEqualTo(5);

        try (TopicProbe probe = new TopicProbe(Topics.INVOICE)) {
            staff().post().uri("/api/admin/invoice-runs").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("month", "2031-03"))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.month").isEqualTo("2031-03")
                    .jsonPath("$.invoices[?(@.structureId == '" + structure + "')].number").value(List.class, numbers -> assertThat(numbers)
                            .hasSize(2).allMatch(number -> number.toString().matches("ABJ-20[0-9]{2}-00000[12]")).doesNotHaveDuplicates());

            // 03-03 day with meal 450 + 150, 03-04 morning 250, 03-05 afternoon with meal 250 + 150,
            // 03-20 late cancellation, day with meal at the new grid 500 + 160; the free cancellation is not billed.
            parent(dupont).get().uri("/api/invoices").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.length()").isEqualTo(1)
                    .jsonPath("$[0].amountCents").isEqualTo(1910)
                    .jsonPath("$[0].status").isEqualTo("ISSUED")
                    .jsonPath("$[0].structureName").isEqualTo(BOIS_JOLI)
                    .jsonPath("$[0].month").isEqualTo("2031-03");
            String invoiceId = single("SELECT id::text FROM invoice WHERE family_id = '" + dupont + "'");
            parent(dupont).get().uri("/api/invoices/" + invoiceId).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.familyName").isEqualTo("Dupont")
                    .jsonPath("$.lines.length()").isEqualTo(4)
                    .jsonPath("$.lines[*].amountCents").isEqualTo(List.of(600, 250, 400, 660))
                    .jsonPath("$.lines[*].mealPriceCents").isEqualTo(List.of(150, 0, 150, 160))
                    .jsonPath("$.lines[3].lateCancelled").isEqualTo(true);
            // Highest bracket for the family without a quotient familial.
            parent(leroy).get().uri("/api/invoices").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$[0].amountCents").isEqualTo(900);

            List<ConsumerRecord<String, String>> issued = probe.await(record -> record.value().contains(invoiceId), Duration.ofSeconds(60));
            assertThat(issued).hasSize(1);
            assertThat(TopicProbe.header(issued.get(0), "ce_type")).isEqualTo("billing.InvoiceIssued.v1");
            assertThat(issued.get(0).key()).isEqualTo(dupont.toString());
            JsonNode payload = JsonMapper.shared().readTree(issued.get(0).value());
            assertThat(payload.get("amountCents").asInt()).isEqualTo(1910);
            assertThat(payload.get("familyUnpaidCents").asInt()).isEqualTo(1910);
            assertThat(payload.get("month").asString()).isEqualTo("2031-03");
            assertThat(payload.get("number").asString()).matches("ABJ-20[0-9]{2}-00000[12]");
        }

        // Run again: nothing is invoiced twice.
        staff().post().uri("/api/admin/invoice-runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("month", "2031-03"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.invoices[?(@.structureId == '" + structure + "')]").isEmpty();
        assertThat(count("SELECT count(*) FROM invoice WHERE structure_id = '" + structure + "'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM billable_line WHERE structure_id = '" + structure + "' AND invoice_id IS NOT NULL")).isEqualTo(5);
    }

    @Test
    void whenRunsForTwoMonthsRaceOverTwoStructuresThenEveryStructuresNumbersAreUniqueAndGapFree() {
        UUID north = UUID.randomUUID();
        UUID south = UUID.randomUUID();
        for (UUID structure : List.of(north, south)) {
            simpleGrid(structure, LocalDate.of(2032, 1, 1));
            for (int family = 0; family < 6; family++) {
                UUID familyId = UUID.randomUUID();
                line(familyId, structure, "Les Écureuils du Nord", LocalDate.of(2032, 1, 10 + family), "JOURNEE");
                line(familyId, structure, "Les Écureuils du Nord", LocalDate.of(2032, 2, 10 + family), "MATIN_REPAS");
            }
        }

        // Each month twice, all four at once.
        List<String> months = List.of("2032-01", "2032-02", "2032-01", "2032-02");
        Flux.fromIterable(months)
                .flatMap(month -> Mono.fromRunnable(() -> staff().post().uri("/api/admin/invoice-runs")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("month", month))
                                .exchange()
                                .expectStatus().isOk())
                        .subscribeOn(Schedulers.boundedElastic()))
                .blockLast(Duration.ofSeconds(120));

        for (UUID structure : List.of(north, south)) {
            List<String> numbers = database.sql("SELECT number FROM invoice WHERE structure_id = :s ORDER BY number")
                    .bind("s", structure).map(row -> row.get("number", String.class)).all().collectList().block();
            assertThat(numbers).hasSize(12).doesNotHaveDuplicates();
            assertThat(numbers.stream().map(number -> Integer.parseInt(number.substring(number.lastIndexOf('-') + 1))).toList())
                    .isEqualTo(IntStream.rangeClosed(1, 12).boxed().toList());
            assertThat(count("SELECT last_number FROM invoice_counter WHERE structure_id = '" + structure + "'")).isEqualTo(12);
            assertThat(count("SELECT count(*) FROM billable_line WHERE structure_id = '" + structure + "' AND invoice_id IS NULL")).isZero();
        }
    }

    @Test
    void whenAParentDownloadsAnInvoiceThenItIsARealPdfWithItsNumberAndTotal() throws Exception {
        Issued invoice = issue(2033, 1);

        byte[] pdf = parent(invoice.familyId()).get().uri("/api/invoices/" + invoice.id() + "/pdf").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"facture-" + invoice.number() + ".pdf\"")
                .expectBody(byte[].class).returnResult().getResponseBody();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Facture n° " + invoice.number(), "ALSH Bois Joli", "Famille Martin", "Total à payer : 8,50 €",
                    "Journée avec repas", "Après-midi", "janvier 2033");
        }
    }

    @Test
    void whenAParentAsksForAnotherFamilysInvoiceThenItIsNotFoundAndNothingChanges() {
        Issued invoice = issue(2033, 2);
        UUID intruder = UUID.randomUUID();

        parent(intruder).get().uri("/api/invoices/" + invoice.id()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.amountCents").doesNotExist();
        parent(intruder).get().uri("/api/invoices/" + invoice.id() + "/pdf").exchange()
                .expectStatus().isNotFound();
        parent(intruder).post().uri("/api/invoices/" + invoice.id() + "/payments").header("Idempotency-Key", UUID.randomUUID().toString())
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        parent(intruder).get().uri("/api/invoices").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);

        assertThat(count("SELECT count(*) FROM payment WHERE invoice_id = '" + invoice.id() + "'")).isZero();
        assertThat(single("SELECT status FROM invoice WHERE id = '" + invoice.id() + "'")).isEqualTo("ISSUED");
    }

    @Test
    void whenTheMonthIsMalformedThenTheRunIsRefusedAndAParentCannotRunIt() {
        staff().post().uri("/api/admin/invoice-runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("month", "juillet"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/month-invalid");
        parent(UUID.randomUUID()).post().uri("/api/admin/invoice-runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("month", "2033-03"))
                .exchange()
                .expectStatus().isForbidden();
    }

    record Issued(UUID id, String number, UUID familyId) {
    }

    /** One invoice of a new family (QF 500) at a new structure for the month: a day with meal and an afternoon, 8,50 €. */
    Issued issue(int year, int month) {
        UUID structure = UUID.randomUUID();
        UUID familyId = UUID.randomUUID();
        simpleGrid(structure, LocalDate.of(year, 1, 1));
        family(familyId, "Martin", 500);
        line(familyId, structure, BOIS_JOLI, LocalDate.of(year, month, 5), "JOURNEE_REPAS");
        line(familyId, structure, BOIS_JOLI, LocalDate.of(year, month, 6), "APRES_MIDI");
        staff().post().uri("/api/admin/invoice-runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("month", "%d-%02d".formatted(year, month)))
                .exchange()
                .expectStatus().isOk();
        List<Issued> issued = new ArrayList<>(database.sql("SELECT id, number FROM invoice WHERE family_id = :f").bind("f", familyId)
                .map(row -> new Issued(row.get("id", UUID.class), row.get("number", String.class), familyId)).all().collectList().block());
        assertThat(issued).hasSize(1);
        return issued.get(0);
    }

    private static ReservationConfirmed confirmed(UUID reservationId, UUID familyId, UUID childId, UUID structureId, LocalDate date,
            String unit) {
        return new ReservationConfirmed(reservationId, UUID.randomUUID(), familyId, childId, "Léo", structureId, BOIS_JOLI, "ALSH",
                UUID.randomUUID(), date, unit, unit.endsWith("_REPAS"), Instant.parse("2031-02-01T10:00:00Z"));
    }

    private static ReservationCancelled cancelled(UUID reservationId, UUID familyId, UUID childId, UUID structureId, LocalDate date,
            String unit, boolean late, boolean billable) {
        return new ReservationCancelled(reservationId, familyId, childId, "Léo", structureId, BOIS_JOLI, UUID.randomUUID(), date, unit,
                unit.endsWith("_REPAS"), late, billable, Instant.parse("2031-02-02T10:00:00Z"));
    }
}

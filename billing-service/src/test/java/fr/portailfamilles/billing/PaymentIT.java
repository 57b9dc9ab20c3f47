package fr.portailfamilles.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

import fr.portailfamilles.billing.payment.application.PaymentSignature;
import fr.portailfamilles.events.Topics;
import fr.portailfamilles.testsupport.TopicProbe;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** "Payer en ligne": the payment service's signed notification decides, an invoice is paid once, another family sees nothing. */
class PaymentIT extends BillingIntegrationTest {

    private static final String PROBLEMS = "https://portail-familles.fr/problems/";

    @Value("${portail.billing.payment.secret}")
    String secret;

    @Test
    void whenTheParentPaysByCardOnThePaymentPageThenTheInvoiceIsPaidOnceAndPaymentReceivedIsPublished() {
        Invoice invoice = invoice(2034, 1);
        String key = UUID.randomUUID().toString();

        JsonNode started = start(invoice, key, 201);
        String paymentId = started.get("paymentId").asString();
        String operationId = started.get("operationId").asString();
        assertThat(started.get("redirectUrl").asString()).isEqualTo("/api/payments/simulator/" + operationId);
        assertThat(started.get("amountCents").asInt()).isEqualTo(850);
        // The same key again: the same answer, nothing new.
        parent(invoice.familyId()).post().uri("/api/invoices/" + invoice.id() + "/payments").header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.paymentId").isEqualTo(paymentId);
        // The same key for another request: refused.
        Invoice other = invoice(2034, 2);
        parent(invoice.familyId()).post().uri("/api/invoices/" + other.id() + "/payments").header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "idempotency-key-reused");
        assertThat(count("SELECT count(*) FROM payment WHERE invoice_id = '" + invoice.id() + "'")).isEqualTo(1);

        // The simulated payment page is the parent's own operation only.
        parent(UUID.randomUUID()).get().uri("/api/payments/simulator/" + operationId).exchange()
                .expectStatus().isNotFound();
        parent(invoice.familyId()).get().uri("/api/payments/simulator/" + operationId).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(page -> assertThat(page).contains(invoice.number(), "8,50 €", "value=\"P\""));

        try (TopicProbe probe = new TopicProbe(Topics.INVOICE)) {
            parent(invoice.familyId()).post().uri("/api/payments/simulator/" + operationId)
                    .body(BodyInserters.fromFormData("result", "P"))
                    .exchange()
                    .expectStatus().isSeeOther()
                    .expectHeader().valueEquals(HttpHeaders.LOCATION, "/factures.html?paiement=" + paymentId);

            parent(invoice.familyId()).get().uri("/api/invoices/" + invoice.id()).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.invoice.status").isEqualTo("PAID")
                    .jsonPath("$.invoice.paidAt").isNotEmpty();
            assertThat(single("SELECT status || result_code FROM payment WHERE id = '" + paymentId + "'")).isEqualTo("PAIDP");
            // What the parent's page reads on return; another family never sees it.
            parent(invoice.familyId()).get().uri("/api/payments/" + paymentId).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("PAID")
                    .jsonPath("$.resultCode").isEqualTo("P")
                    .jsonPath("$.invoiceId").isEqualTo(invoice.id().toString());
            parent(UUID.randomUUID()).get().uri("/api/payments/" + paymentId).exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
            List<ConsumerRecord<String, String>> received = probe.await(record -> record.value().contains(paymentId), Duration.ofSeconds(60));
            assertThat(received).hasSize(1);
            assertThat(TopicProbe.header(received.get(0), "ce_type")).isEqualTo("billing.PaymentReceived.v1");
            JsonNode payload = JsonMapper.shared().readTree(received.get(0).value());
            assertThat(payload.get("amountCents").asInt()).isEqualTo(850);
            assertThat(payload.get("resultCode").asString()).isEqualTo("P");
            assertThat(payload.get("familyUnpaidCents").asInt()).isZero();
            assertThat(payload.get("number").asString()).isEqualTo(invoice.number());
        }

        // Paid: a new payment is refused, a repeated notification changes nothing.
        parent(invoice.familyId()).post().uri("/api/invoices/" + invoice.id() + "/payments").header("Idempotency-Key", UUID.randomUUID().toString())
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "invoice-already-paid");
        notify(operationId, "R").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PAID");
        assertThat(count("SELECT count(*) FROM payment WHERE invoice_id = '" + invoice.id() + "'")).isEqualTo(1);
    }

    @Test
    void whenThePaymentIsRefusedThenTheInvoiceStaysUnpaidAndPaymentRefusedIsRecorded() {
        Invoice invoice = invoice(2034, 3);
        JsonNode started = start(invoice, UUID.randomUUID().toString(), 201);

        notify(started.get("operationId").asString(), "R").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REFUSED");

        assertThat(single("SELECT status FROM invoice WHERE id = '" + invoice.id() + "'")).isEqualTo("ISSUED");
        assertThat(outboxed("billing.PaymentRefused.v1", started.get("paymentId").asString())).isEqualTo(1);
        assertThat(outboxed("billing.PaymentReceived.v1", started.get("paymentId").asString())).isZero();
    }

    @Test
    void whenThePaymentIsAbandonedThenNothingChangesAndTheParentMayTryAgain() {
        Invoice invoice = invoice(2034, 4);
        JsonNode started = start(invoice, UUID.randomUUID().toString(), 201);

        notify(started.get("operationId").asString(), "A").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ABANDONED");

        assertThat(single("SELECT status FROM invoice WHERE id = '" + invoice.id() + "'")).isEqualTo("ISSUED");
        assertThat(count("SELECT count(*) FROM messaging.outbox_event WHERE payload->>'paymentId' = '" + started.get("paymentId").asString() + "'"))
                .isZero();
        start(invoice, UUID.randomUUID().toString(), 201);
    }

    @Test
    void whenTheNotificationIsNotSignedByThePaymentServiceThenItIsRefusedAndNothingChanges() {
        Invoice invoice = invoice(2034, 5);
        JsonNode started = start(invoice, UUID.randomUUID().toString(), 201);
        String body = "{\"operationId\":\"" + started.get("operationId").asString() + "\",\"resultCode\":\"P\"}";

        web.post().uri("/api/payments/notifications").contentType(MediaType.APPLICATION_JSON)
                .header(PaymentSignature.HEADER, PaymentSignature.sign("not-the-payment-service-secret", body))
                .bodyValue(body)
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "payment-signature-invalid");
        web.post().uri("/api/payments/notifications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isForbidden();
        // Signed, but not the body that was signed.
        web.post().uri("/api/payments/notifications").contentType(MediaType.APPLICATION_JSON)
                .header(PaymentSignature.HEADER, PaymentSignature.sign(secret, body.replace("\"P\"", "\"A\"")))
                .bodyValue(body)
                .exchange()
                .expectStatus().isForbidden();

        assertThat(single("SELECT status FROM invoice WHERE id = '" + invoice.id() + "'")).isEqualTo("ISSUED");
        assertThat(single("SELECT status FROM payment WHERE id = '" + started.get("paymentId").asString() + "'")).isEqualTo("PENDING");
    }

    @Test
    void whenTwoPaymentsOfOneInvoiceSucceedAtOnceThenOnlyOnePaysIt() {
        Invoice invoice = invoice(2034, 6);
        String first = start(invoice, UUID.randomUUID().toString(), 201).get("operationId").asString();
        String second = start(invoice, UUID.randomUUID().toString(), 201).get("operationId").asString();

        Flux.just(first, second)
                .flatMap(operation -> Mono.fromRunnable(() -> notify(operation, "P").expectStatus().isOk())
                        .subscribeOn(Schedulers.boundedElastic()))
                .blockLast(Duration.ofSeconds(60));

        assertThat(single("SELECT status FROM invoice WHERE id = '" + invoice.id() + "'")).isEqualTo("PAID");
        assertThat(database.sql("SELECT status FROM payment WHERE invoice_id = :id ORDER BY status").bind("id", invoice.id())
                .map(row -> row.get("status", String.class)).all().collectList().block()).containsExactly("DUPLICATE", "PAID");
        assertThat(count("SELECT count(*) FROM messaging.outbox_event WHERE type = 'billing.PaymentReceived.v1' AND payload->>'invoiceId' = '"
                + invoice.id() + "'")).isEqualTo(1);
    }

    @Test
    void whenTheSameRequestIsStillInFlightThenTheAnswerIsAConflictToRetryAndAStrangerCannotOpenThePaymentPage() throws Exception {
        Invoice invoice = invoice(2034, 7);
        String key = UUID.randomUUID().toString();
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(("payment:" + invoice.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        database.sql("""
                        INSERT INTO idempotency_key (caller, key, request_hash, status, created_at)
                        VALUES (:caller, :key, :hash, 'IN_FLIGHT', now())""")
                .bind("caller", "family:" + invoice.familyId()).bind("key", key).bind("hash", hash)
                .then().block();

        parent(invoice.familyId()).post().uri("/api/invoices/" + invoice.id() + "/payments").header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "idempotency-key-in-flight");
        parent(invoice.familyId()).post().uri("/api/invoices/" + invoice.id() + "/payments")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "idempotency-key-missing");
        assertThat(count("SELECT count(*) FROM payment WHERE invoice_id = '" + invoice.id() + "'")).isZero();

        String operationId = start(invoice, UUID.randomUUID().toString(), 201).get("operationId").asString();
        web.get().uri("/api/payments/simulator/" + operationId).exchange()
                .expectStatus().isUnauthorized();
        web.post().uri("/api/payments/simulator/" + operationId).body(BodyInserters.fromFormData("result", "P"))
                .exchange()
                .expectStatus().isUnauthorized();
        assertThat(single("SELECT status FROM invoice WHERE id = '" + invoice.id() + "'")).isEqualTo("ISSUED");
    }

    record Invoice(UUID id, String number, UUID familyId) {
    }

    /** A new family's invoice (QF 500) for the month: a day with meal and an afternoon, 8,50 €. */
    private Invoice invoice(int year, int month) {
        UUID structure = UUID.randomUUID();
        UUID familyId = UUID.randomUUID();
        simpleGrid(structure, LocalDate.of(year, 1, 1));
        family(familyId, "Petit", 500);
        line(familyId, structure, "ALSH Bois Joli", LocalDate.of(year, month, 5), "JOURNEE_REPAS");
        line(familyId, structure, "ALSH Bois Joli", LocalDate.of(year, month, 6), "APRES_MIDI");
        staff().post().uri("/api/admin/invoice-runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("month", "%d-%02d".formatted(year, month)))
                .exchange()
                .expectStatus().isOk();
        return database.sql("SELECT id, number FROM invoice WHERE family_id = :f").bind("f", familyId)
                .map(row -> new Invoice(row.get("id", UUID.class), row.get("number", String.class), familyId)).one().block();
    }

    private JsonNode start(Invoice invoice, String key, int status) {
        EntityExchangeResult<String> result = parent(invoice.familyId()).post().uri("/api/invoices/" + invoice.id() + "/payments")
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult();
        return JsonMapper.shared().readTree(result.getResponseBody());
    }

    /** As the payment service sends it: signed with the shared secret, no token. */
    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec notify(String operationId, String code) {
        String body = "{\"operationId\":\"" + operationId + "\",\"resultCode\":\"" + code + "\"}";
        return web.post().uri("/api/payments/notifications").contentType(MediaType.APPLICATION_JSON)
                .header(PaymentSignature.HEADER, PaymentSignature.sign(secret, body))
                .bodyValue(body)
                .exchange();
    }

    private long outboxed(String type, String paymentId) {
        return count("SELECT count(*) FROM messaging.outbox_event WHERE type = '" + type + "' AND payload->>'paymentId' = '" + paymentId + "'");
    }
}

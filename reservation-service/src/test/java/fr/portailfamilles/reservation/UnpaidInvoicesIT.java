package fr.portailfamilles.reservation;

import static fr.portailfamilles.reservation.Fixtures.MONDAY;
import static fr.portailfamilles.reservation.Fixtures.booking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.events.billing.InvoiceIssued;
import fr.portailfamilles.events.billing.PaymentReceived;
import fr.portailfamilles.events.billing.PaymentRefused;
import fr.portailfamilles.reservation.family.application.FamilyProjections;
import fr.portailfamilles.testsupport.TestEventPublisher;
import fr.portailfamilles.testsupport.TestTokens;

/**
 * The "unpaid invoices" rule: what a family owes arrives over Kafka from billing-service (InvoiceIssued,
 * PaymentReceived carry the family's unpaid total); above the threshold (150 € by default) a parent cannot book.
 */
class UnpaidInvoicesIT extends ReservationIntegrationTest {

    private static final String PROBLEMS = "https://portail-familles.fr/problems/";
    private static final LocalDate SEVEN_YEARS_OLD = LocalDate.of(2020, 1, 1);
    private static final Instant JUNE_FIRST = Instant.parse("2027-06-01T06:00:00Z");
    private static final TestEventPublisher billing = new TestEventPublisher();

    @Autowired
    WebTestClient web;

    @Autowired
    FamilyProjections projections;

    @Autowired
    DatabaseClient database;

    Fixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new Fixtures(web, projections);
    }

    @AfterAll
    static void closePublisher() {
        billing.close();
    }

    @Test
    void whenTheFamilyOwesMoreThanTheThresholdThenAParentIsRefusedWithTheRuleUntilAPaymentBringsItUnder() {
        Fixtures.Offer offer = fixtures.offer("BILL", 5, 5);
        Fixtures.Family family = fixtures.family(SEVEN_YEARS_OLD);
        billing.publish(invoiceIssued(family, 15440, JUNE_FIRST));
        awaitUnpaid(family, 15440);

        bookOne(family, offer, MONDAY, "JOURNEE_REPAS").expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "unpaid-invoices")
                .jsonPath("$.rule").isEqualTo("unpaid-invoices")
                .jsonPath("$.unpaidCents").isEqualTo(15440)
                .jsonPath("$.detail").isEqualTo("Des factures restent à payer (154,40 €) : réglez-les dans Mes factures pour réserver à nouveau.");
        web.post().uri("/api/reservations/weekly-pattern").header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("periodId", offer.periodId(), "childIds", family.children(),
                        "week", List.of(Map.of("dayOfWeek", "WEDNESDAY", "unit", "MATIN"))))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.rule").isEqualTo("unpaid-invoices");
        assertThat(liveReservations(family)).isZero();
        assertThat(remaining(offer, MONDAY, "MATIN")).isEqualTo(5);
        web.get().uri("/api/periods/" + offer.periodId() + "/calendar?childId=" + family.child())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.days[?(@.date == '2027-07-05')].blocked").isEqualTo(List.of("NOT_ELIGIBLE"))
                .jsonPath("$.days[?(@.date == '2027-07-05')].rule").isEqualTo(List.of("unpaid-invoices"))
                .jsonPath("$.days[?(@.date == '2027-07-05')].why")
                .isEqualTo(List.of("Des factures restent à payer (154,40 €) : réglez-les dans Mes factures pour réserver à nouveau."))
                .jsonPath("$.days[?(@.date == '2027-07-05')].units[?(@.unit == 'MATIN')].bookable").isEqualTo(List.of(false))
                .jsonPath("$.days[?(@.date == '2027-07-14')].blocked").isEqualTo(List.of("CLOSED"));

        // A refused payment changes nothing owed.
        billing.publish(new PaymentRefused(UUID.randomUUID(), UUID.randomUUID(), family.id(), "PL-2027-000001", 15440, "R",
                JUNE_FIRST.plus(Duration.ofDays(2))));
        billing.publish(paymentReceived(family, 10000, JUNE_FIRST.plus(Duration.ofDays(3))));
        awaitUnpaid(family, 10000);

        bookOne(family, offer, MONDAY, "JOURNEE_REPAS").expectStatus().isCreated()
                .expectBody().jsonPath("$.reservations[0].status").isEqualTo("CONFIRMED");
        web.get().uri("/api/periods/" + offer.periodId() + "/calendar?childId=" + family.child())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token()).exchange()
                .expectBody()
                .jsonPath("$.days[?(@.date == '2027-07-06')].blocked").doesNotExist()
                .jsonPath("$.days[?(@.date == '2027-07-06')].units[?(@.unit == 'MATIN')].bookable").isEqualTo(List.of(true));
    }

    @Test
    void whenStaffBookOnBehalfOfAFamilyThatOwesThenTheBookingGoesThroughWithItsReason() {
        Fixtures.Offer offer = fixtures.offer("BILL", 5, 5);
        Fixtures.Family family = fixtures.family(SEVEN_YEARS_OLD);
        billing.publish(invoiceIssued(family, 30000, JUNE_FIRST));
        awaitUnpaid(family, 30000);
        bookOne(family, offer, MONDAY, "MATIN").expectStatus().isEqualTo(422).expectBody().jsonPath("$.rule").isEqualTo("unpaid-invoices");

        web.post().uri("/api/admin/families/" + family.id() + "/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("periodId", offer.periodId(), "reason", "Échéancier accordé par le Trésor public",
                        "lines", List.of(Map.of("childId", family.child(), "date", MONDAY, "unit", "MATIN"))))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.reservations[0].status").isEqualTo("CONFIRMED");
        assertThat(liveReservations(family)).isEqualTo(1);
    }

    @Test
    void whenAnOlderInvoiceEventArrivesAfterThePaymentThenTheFamilyIsNotBlockedAgain() {
        Fixtures.Offer offer = fixtures.offer("BILL", 5, 5);
        Fixtures.Family family = fixtures.family(SEVEN_YEARS_OLD);
        InvoiceIssued issued = invoiceIssued(family, 20000, JUNE_FIRST);
        String issuedId = billing.publish(issued);
        awaitUnpaid(family, 20000);
        billing.publish(paymentReceived(family, 0, JUNE_FIRST.plus(Duration.ofDays(5))));
        awaitUnpaid(family, 0);

        // Late: the first invoice redelivered (the inbox skips it), then another invoice issued before the payment
        // (same family key, same partition: once the second is processed, so is the first).
        billing.publish(issued, issuedId);
        String lateId = billing.publish(invoiceIssued(family, 35000, JUNE_FIRST.plus(Duration.ofDays(1))));
        await().atMost(Duration.ofSeconds(60)).until(() -> processed(lateId));

        assertThat(unpaid(family)).isZero();
        bookOne(family, offer, MONDAY, "MATIN").expectStatus().isCreated();

        // A newer invoice does block again.
        billing.publish(invoiceIssued(family, 15001, JUNE_FIRST.plus(Duration.ofDays(30))));
        awaitUnpaid(family, 15001);
        bookOne(family, offer, MONDAY.plusDays(1), "MATIN").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").isEqualTo("Des factures restent à payer (150,01 €) : réglez-les dans Mes factures pour réserver à nouveau.");
    }

    private static InvoiceIssued invoiceIssued(Fixtures.Family family, int familyUnpaidCents, Instant issuedAt) {
        return new InvoiceIssued(UUID.randomUUID(), family.id(), "PL-2027-" + UUID.randomUUID().toString().substring(0, 6), UUID.randomUUID(),
                "Accueil de loisirs Les Petits Loups", "2027-05", 5440, LocalDate.of(2027, 7, 1), familyUnpaidCents, issuedAt);
    }

    private static PaymentReceived paymentReceived(Fixtures.Family family, int familyUnpaidCents, Instant paidAt) {
        return new PaymentReceived(UUID.randomUUID(), UUID.randomUUID(), family.id(), "PL-2027-000001", 5440, "P", familyUnpaidCents, paidAt);
    }

    private void awaitUnpaid(Fixtures.Family family, int cents) {
        await().atMost(Duration.ofSeconds(60)).until(() -> unpaid(family) == cents);
    }

    private int unpaid(Fixtures.Family family) {
        return database.sql("SELECT coalesce(max(unpaid_cents), -1) AS n FROM family_balance WHERE family_id = :family")
                .bind("family", family.id()).map(row -> row.get("n", Integer.class)).one().block();
    }

    private boolean processed(String messageId) {
        return database.sql("SELECT count(*) AS n FROM messaging.processed_message WHERE message_id = :id")
                .bind("id", messageId).map(row -> row.get("n", Long.class)).one().block() == 1;
    }

    private WebTestClient.ResponseSpec bookOne(Fixtures.Family family, Fixtures.Offer offer, LocalDate date, String unit) {
        return web.post().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(booking(offer.periodId(), family.child(), date, unit)).exchange();
    }

    private long liveReservations(Fixtures.Family family) {
        return database.sql("SELECT count(*) AS n FROM reservation WHERE family_id = :family AND status <> 'CANCELLED'")
                .bind("family", family.id()).map(row -> row.get("n", Long.class)).one().block();
    }

    private int remaining(Fixtures.Offer offer, LocalDate date, String half) {
        return database.sql("SELECT capacity - booked AS n FROM day_slot WHERE period_id = :period AND age_group_id = :group AND date = :date AND half = :half")
                .bind("period", offer.periodId()).bind("group", offer.sixAndOver()).bind("date", date).bind("half", half)
                .map(row -> row.get("n", Integer.class)).one().block();
    }
}

package fr.portailfamilles.reservation;

import static fr.portailfamilles.reservation.Fixtures.MONDAY;
import static fr.portailfamilles.reservation.Fixtures.booking;
import static fr.portailfamilles.reservation.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.events.Topics;
import fr.portailfamilles.reservation.booking.application.WaitlistOffers;
import fr.portailfamilles.reservation.booking.domain.ReservationStore;
import fr.portailfamilles.reservation.family.application.FamilyProjections;
import fr.portailfamilles.testsupport.TestTokens;
import fr.portailfamilles.testsupport.TopicProbe;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import reactor.core.scheduler.Schedulers;

/**
 * The waiting list that offers a freed place for N hours (activity policy OFFER), over real HTTP with real tokens,
 * against the real database and broker, with the real expiry loop.
 */
class WaitlistOfferIT extends ReservationIntegrationTest {

    private static final String PROBLEMS = "https://portail-familles.fr/problems/";
    private static final LocalDate SEVEN_YEARS_OLD = LocalDate.of(2020, 1, 1);
    private static final int OFFER_HOURS = 48;
    /** Offers made at the tests' default "now" run until then. */
    private static final Instant EXPIRES = MutableClock.DEFAULT.plus(Duration.ofHours(OFFER_HOURS));

    @Autowired
    WebTestClient web;

    @Autowired
    FamilyProjections projections;

    @Autowired
    DatabaseClient database;

    @Autowired
    WaitlistOffers offers;

    @Autowired
    ReservationStore store;

    @Autowired
    TransactionalOperator transactions;

    Fixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new Fixtures(web, projections);
    }

    /** One place on Monday (6 and over): A has it, B then C wait. */
    record Scene(Fixtures.Offer offer, Fixtures.Family a, String aId, Fixtures.Family b, String bId, Fixtures.Family c, String cId) {
    }

    private Scene scene() {
        Fixtures.Offer offer = fixtures.offerHeld(OFFER_HOURS, 1, 1);
        Fixtures.Family a = fixtures.family(SEVEN_YEARS_OLD);
        Fixtures.Family b = fixtures.family(SEVEN_YEARS_OLD);
        Fixtures.Family c = fixtures.family(SEVEN_YEARS_OLD);
        String aId = reservationId(bookOne(a, offer, MONDAY, "JOURNEE_REPAS"));
        String bId = reservationId(bookOne(b, offer, MONDAY, "JOURNEE"));
        String cId = reservationId(bookOne(c, offer, MONDAY, "JOURNEE"));
        return new Scene(offer, a, aId, b, bId, c, cId);
    }

    @Test
    void whenAPlaceFreesOnAnOfferActivityThenItIsHeldForTheFirstWaitingChildAndNobodyElseCanBookIt() {
        Scene scene = scene();

        try (TopicProbe probe = new TopicProbe(Topics.RESERVATION)) {
            cancel(scene.a(), scene.aId()).expectStatus().isOk().expectBody()
                    .jsonPath("$.reservations[0].status").isEqualTo("CANCELLED")
                    .jsonPath("$.promoted.length()").isEqualTo(1)
                    .jsonPath("$.promoted[0].id").isEqualTo(scene.bId())
                    .jsonPath("$.promoted[0].status").isEqualTo("OFFERED")
                    .jsonPath("$.promoted[0].offerExpiresAt").isEqualTo(EXPIRES.toString());
            var made = probe.await(record -> record.value().contains(scene.bId())
                    && "reservation.WaitlistOfferMade.v1".equals(TopicProbe.header(record, "ce_type")), Duration.ofSeconds(30));
            assertThat(made).hasSize(1);
            assertThat(made.get(0).key()).isEqualTo(scene.b().id().toString());
            JsonNode event = json(made.get(0).value().getBytes(StandardCharsets.UTF_8));
            assertThat(event.get("expiresAt").asString()).isEqualTo(EXPIRES.toString());
            assertThat(event.get("date").asString()).isEqualTo("2027-07-05");
            assertThat(event.get("unit").asString()).isEqualTo("JOURNEE");
            assertThat(event.get("activity").asString()).isEqualTo("ALSH");
        }
        assertThat(outboxCount("reservation.WaitlistPromoted.v1", scene.bId())).isZero();
        assertThat(status(scene.bId())).isEqualTo("OFFERED");

        web.get().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + scene.b().token()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[0].status").isEqualTo("OFFERED")
                .jsonPath("$[0].offerExpiresAt").isEqualTo(EXPIRES.toString());
        web.get().uri("/api/periods/" + scene.offer().periodId() + "/calendar?childId=" + scene.b().child())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + scene.b().token()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.days[?(@.date == '2027-07-05')].reservation.status").isEqualTo(List.of("OFFERED"))
                .jsonPath("$.days[?(@.date == '2027-07-05')].reservation.offerExpiresAt").isEqualTo(List.of(EXPIRES.toString()));
        web.get().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + scene.c().token()).exchange()
                .expectBody().jsonPath("$[0].status").isEqualTo("WAITLISTED").jsonPath("$[0].waitlistRank").isEqualTo(1);

        // The held place is taken: a newcomer waits behind C.
        assertThat(remaining(scene.offer(), MONDAY, "MATIN")).isZero();
        assertThat(remaining(scene.offer(), MONDAY, "APRES_MIDI")).isZero();
        Fixtures.Family newcomer = fixtures.family(SEVEN_YEARS_OLD);
        bookOne(newcomer, scene.offer(), MONDAY, "MATIN").expectStatus().isCreated().expectBody()
                .jsonPath("$.reservations[0].status").isEqualTo("WAITLISTED")
                .jsonPath("$.reservations[0].waitlistRank").isEqualTo(2);

        web.get().uri("/api/admin/periods/" + scene.offer().periodId() + "/capacity")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath(board(scene.offer(), "morningBooked")).isEqualTo(List.of(1))
                .jsonPath(board(scene.offer(), "offered")).isEqualTo(List.of(1))
                .jsonPath(board(scene.offer(), "waiting")).isEqualTo(List.of(2));
    }

    @Test
    void whenTheParentAcceptsTheOfferThenTheReservationIsConfirmedAndThereIsNothingLeftToAccept() {
        Scene scene = scene();
        cancel(scene.a(), scene.aId()).expectStatus().isOk();

        try (TopicProbe probe = new TopicProbe(Topics.RESERVATION)) {
            answer(scene.b(), scene.bId(), "acceptance").expectStatus().isOk().expectBody()
                    .jsonPath("$.id").isEqualTo(scene.bId())
                    .jsonPath("$.status").isEqualTo("CONFIRMED")
                    .jsonPath("$.offerExpiresAt").doesNotExist();
            assertThat(probe.await(record -> record.value().contains(scene.bId())
                    && "reservation.ReservationConfirmed.v1".equals(TopicProbe.header(record, "ce_type")), Duration.ofSeconds(30))).hasSize(1);
        }
        refused(answer(scene.b(), scene.bId(), "acceptance"), 409, "offer-not-pending");
        refused(answer(scene.b(), scene.bId(), "refusal"), 409, "offer-not-pending");
        assertThat(status(scene.bId())).isEqualTo("CONFIRMED");
        assertThat(status(scene.cId())).isEqualTo("WAITLISTED");
        assertThat(remaining(scene.offer(), MONDAY, "MATIN")).isZero();
        // Never an offer on a reservation that is not one.
        refused(answer(scene.c(), scene.cId(), "acceptance"), 409, "offer-not-pending");
    }

    @Test
    void whenTheParentDeclinesTheOfferThenThePlaceIsOfferedToTheNextChildAtOnce() {
        Scene scene = scene();
        cancel(scene.a(), scene.aId()).expectStatus().isOk();

        try (TopicProbe probe = new TopicProbe(Topics.RESERVATION)) {
            answer(scene.b(), scene.bId(), "refusal").expectStatus().isOk().expectBody()
                    .jsonPath("$.reservations[0].id").isEqualTo(scene.bId())
                    .jsonPath("$.reservations[0].status").isEqualTo("CANCELLED")
                    .jsonPath("$.reservations[0].late").isEqualTo(false)
                    .jsonPath("$.reservations[0].billable").isEqualTo(false)
                    .jsonPath("$.promoted[0].id").isEqualTo(scene.cId())
                    .jsonPath("$.promoted[0].status").isEqualTo("OFFERED");
            assertThat(probe.await(record -> record.value().contains(scene.bId())
                    && "reservation.ReservationCancelled.v1".equals(TopicProbe.header(record, "ce_type")), Duration.ofSeconds(30))).hasSize(1);
            assertThat(probe.await(record -> record.value().contains(scene.cId())
                    && "reservation.WaitlistOfferMade.v1".equals(TopicProbe.header(record, "ce_type")), Duration.ofSeconds(30))).hasSize(1);
        }
        assertThat(remaining(scene.offer(), MONDAY, "MATIN")).isZero();
        refused(answer(scene.b(), scene.bId(), "acceptance"), 409, "offer-not-pending");
    }

    @Test
    void whenAnOfferExpiresThenTheLoopGivesThePlaceToTheNextChildThenFreesItWhenNobodyWaits() {
        Scene scene = scene();
        cancel(scene.a(), scene.aId()).expectStatus().isOk();
        Instant later = EXPIRES.plus(Duration.ofMinutes(1));

        try (TopicProbe probe = new TopicProbe(Topics.RESERVATION)) {
            clock.set(later);
            // Refused as expired whether or not the loop has released it yet.
            refused(answer(scene.b(), scene.bId(), "acceptance"), 409, "offer-expired");

            await().atMost(Duration.ofSeconds(20)).until(() -> "OFFERED".equals(status(scene.cId())));
            assertThat(status(scene.bId())).isEqualTo("CANCELLED");
            assertThat(probe.await(record -> record.value().contains(scene.bId())
                    && "reservation.WaitlistOfferExpired.v1".equals(TopicProbe.header(record, "ce_type")), Duration.ofSeconds(30))).hasSize(1);
            var made = probe.await(record -> record.value().contains(scene.cId())
                    && "reservation.WaitlistOfferMade.v1".equals(TopicProbe.header(record, "ce_type")), Duration.ofSeconds(30));
            assertThat(made).hasSize(1);
            assertThat(json(made.get(0).value().getBytes(StandardCharsets.UTF_8)).get("expiresAt").asString())
                    .isEqualTo(later.plus(Duration.ofHours(OFFER_HOURS)).toString());
        }
        refused(answer(scene.b(), scene.bId(), "acceptance"), 409, "offer-expired");
        refused(answer(scene.b(), scene.bId(), "refusal"), 409, "offer-expired");
        web.get().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + scene.b().token()).exchange()
                .expectBody().jsonPath("$[0].status").isEqualTo("CANCELLED").jsonPath("$[0].reason").value(reason ->
                        assertThat((String) reason).contains("expirée"));
        assertThat(remaining(scene.offer(), MONDAY, "MATIN")).isZero();

        // C lets it expire too: nobody waits any more, the place is free again.
        clock.set(later.plus(Duration.ofHours(OFFER_HOURS + 1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(status(scene.cId())));
        assertThat(remaining(scene.offer(), MONDAY, "MATIN")).isEqualTo(1);
        assertThat(remaining(scene.offer(), MONDAY, "APRES_MIDI")).isEqualTo(1);
        assertThat(outboxCount("reservation.WaitlistOfferExpired.v1", scene.bId())).isEqualTo(1);
        assertThat(outboxCount("reservation.WaitlistOfferExpired.v1", scene.cId())).isEqualTo(1);
    }

    @Test
    void whenStaffCancelOnBehalfOfAFamilyThenTheFreedPlaceIsOfferedToTheFirstWaitingChild() {
        Scene scene = scene();

        web.post().uri("/api/admin/reservations/" + scene.aId() + "/cancellation")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Déménagement"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.promoted[0].id").isEqualTo(scene.bId())
                .jsonPath("$.promoted[0].status").isEqualTo("OFFERED");
        assertThat(outboxCount("reservation.WaitlistOfferMade.v1", scene.bId())).isEqualTo(1);
        assertThat(remaining(scene.offer(), MONDAY, "MATIN")).isZero();
    }

    @Test
    void anotherFamilysOfferIsNotFoundAndNothingChanges() {
        Scene scene = scene();
        cancel(scene.a(), scene.aId()).expectStatus().isOk();

        refused(answer(scene.c(), scene.bId(), "acceptance"), 404, "not-found");
        refused(answer(scene.c(), scene.bId(), "refusal"), 404, "not-found");
        refused(answer(scene.c(), UUID.randomUUID().toString(), "acceptance"), 404, "not-found");
        assertThat(status(scene.bId())).isEqualTo("OFFERED");
        assertThat(status(scene.cId())).isEqualTo("WAITLISTED");
    }

    @Test
    void whenStaffAddPlacesThenTheWaitingChildrenAreOfferedThemOnAnOfferActivityAndBookedOtherwise() {
        Scene held = scene();
        setCapacity(held.offer(), 2);
        assertThat(status(held.bId())).isEqualTo("OFFERED");
        assertThat(status(held.cId())).isEqualTo("WAITLISTED");
        assertThat(outboxCount("reservation.WaitlistOfferMade.v1", held.bId())).isEqualTo(1);

        Fixtures.Offer auto = fixtures.offer("BILL", 1, 1);
        Fixtures.Family a = fixtures.family(SEVEN_YEARS_OLD);
        Fixtures.Family b = fixtures.family(SEVEN_YEARS_OLD);
        bookOne(a, auto, MONDAY, "JOURNEE").expectStatus().isCreated();
        String bId = reservationId(bookOne(b, auto, MONDAY, "MATIN"));
        setCapacity(auto, 2);
        assertThat(status(bId)).isEqualTo("CONFIRMED");
        assertThat(outboxCount("reservation.WaitlistPromoted.v1", bId)).isEqualTo(1);
    }

    @Test
    void twoExpiryPassesAtOnceNeverReleaseAnOfferTwice() {
        Fixtures.Offer offer = fixtures.offerHeld(OFFER_HOURS, 1, 1);
        Fixtures.Family first = fixtures.family(SEVEN_YEARS_OLD);
        Fixtures.Family second = fixtures.family(SEVEN_YEARS_OLD);
        Fixtures.Family third = fixtures.family(SEVEN_YEARS_OLD);
        List<String> booked = new ArrayList<>();
        List<String> offered = new ArrayList<>();
        List<String> next = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            LocalDate date = MONDAY.plusDays(day);
            booked.add(reservationId(bookOne(first, offer, date, "JOURNEE")));
            offered.add(reservationId(bookOne(second, offer, date, "JOURNEE")));
            next.add(reservationId(bookOne(third, offer, date, "JOURNEE")));
        }
        web.post().uri("/api/reservations/cancellations").header(HttpHeaders.AUTHORIZATION, "Bearer " + first.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reservationIds", booked))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.promoted.length()").isEqualTo(5);
        List<UUID> offers5 = offered.stream().map(UUID::fromString).toList();
        Instant due = EXPIRES.plus(Duration.ofMinutes(1));

        // The claim itself: while one transaction holds the due offers, another one claims none of them.
        List<UUID> claimedMeanwhile = new ArrayList<>();
        List<UUID> claimed = transactions.transactional(store.claimDueOffers(due, 1000)
                        .flatMap(mine -> Mono.fromCallable(() -> transactions.transactional(store.claimDueOffers(due, 1000)).block())
                                .subscribeOn(Schedulers.boundedElastic())
                                .doOnNext(claimedMeanwhile::addAll)
                                .thenReturn(mine)))
                .block();
        assertThat(claimed).containsAll(offers5);
        assertThat(claimedMeanwhile).doesNotContainAnyElementsOf(offers5);

        // Two passes at once (and the background loop beside them): each offer released exactly once.
        clock.set(due);
        Mono.zip(offers.expireDue(1000).subscribeOn(Schedulers.parallel()), offers.expireDue(1000).subscribeOn(Schedulers.parallel()))
                .block();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(next).allSatisfy(id -> assertThat(status(id)).isEqualTo("OFFERED")));
        for (int day = 0; day < 5; day++) {
            assertThat(status(offered.get(day))).isEqualTo("CANCELLED");
            assertThat(outboxCount("reservation.WaitlistOfferExpired.v1", offered.get(day))).isEqualTo(1);
            assertThat(outboxCount("reservation.WaitlistOfferMade.v1", next.get(day))).isEqualTo(1);
            assertThat(remaining(offer, MONDAY.plusDays(day), "MATIN")).isZero();
            assertThat(remaining(offer, MONDAY.plusDays(day), "APRES_MIDI")).isZero();
        }
    }

    private void setCapacity(Fixtures.Offer offer, int capacity) {
        web.put().uri("/api/admin/periods/" + offer.periodId() + "/capacity")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("date", MONDAY, "ageGroupId", offer.sixAndOver(), "capacity", capacity))
                .exchange().expectStatus().isNoContent();
    }

    private WebTestClient.ResponseSpec bookOne(Fixtures.Family family, Fixtures.Offer offer, LocalDate date, String unit) {
        return web.post().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(booking(offer.periodId(), family.child(), date, unit)).exchange();
    }

    private WebTestClient.ResponseSpec cancel(Fixtures.Family family, String id) {
        return web.post().uri("/api/reservations/" + id + "/cancellation").header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .exchange();
    }

    private WebTestClient.ResponseSpec answer(Fixtures.Family family, String id, String answer) {
        return web.post().uri("/api/reservations/" + id + "/offer/" + answer).header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .exchange();
    }

    private static String reservationId(WebTestClient.ResponseSpec response) {
        return json(response.expectStatus().isCreated().expectBody().returnResult().getResponseBody())
                .get("reservations").get(0).get("id").asString();
    }

    private static void refused(WebTestClient.ResponseSpec response, int status, String type) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + type)
                .jsonPath("$.detail").isNotEmpty();
    }

    private static String board(Fixtures.Offer offer, String field) {
        return "$[?(@.date == '2027-07-05' && @.ageGroupId == '" + offer.sixAndOver() + "')]." + field;
    }

    private String status(String id) {
        return database.sql("SELECT status FROM reservation WHERE id = :id").bind("id", UUID.fromString(id))
                .map(row -> row.get("status", String.class)).one().block();
    }

    private long outboxCount(String type, String reservationId) {
        return database.sql("SELECT count(*) AS n FROM messaging.outbox_event WHERE type = :type AND payload->>'reservationId' = :id")
                .bind("type", type).bind("id", reservationId).map(row -> row.get("n", Long.class)).one().block();
    }

    private int remaining(Fixtures.Offer offer, LocalDate date, String half) {
        return database.sql("SELECT capacity - booked AS n FROM day_slot WHERE period_id = :period AND age_group_id = :group AND date = :date AND half = :half")
                .bind("period", offer.periodId()).bind("group", offer.sixAndOver()).bind("date", date).bind("half", half)
                .map(row -> row.get("n", Integer.class)).one().block();
    }
}

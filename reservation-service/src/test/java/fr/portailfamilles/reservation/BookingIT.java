package fr.portailfamilles.reservation;

import static fr.portailfamilles.reservation.Fixtures.BASTILLE_DAY;
import static fr.portailfamilles.reservation.Fixtures.MONDAY;
import static fr.portailfamilles.reservation.Fixtures.booking;
import static fr.portailfamilles.reservation.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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

import fr.portailfamilles.events.Topics;
import fr.portailfamilles.reservation.family.application.FamilyProjections;
import fr.portailfamilles.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/** Booking, calendar and cancellation over real HTTP with real tokens, against the real database and broker. */
class BookingIT extends ReservationIntegrationTest {

    private static final String PROBLEMS = "https://portail-familles.fr/problems/";
    private static final LocalDate SEVEN_YEARS_OLD = LocalDate.of(2020, 1, 1);
    private static final LocalDate FOUR_YEARS_OLD = LocalDate.of(2023, 1, 1);

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

    @Test
    void whenAParentBooksTwoChildrenOnSeveralDaysThenEachLineIsConfirmedInOneBookingAndTheEventsArePublished() {
        Fixtures.Offer offer = fixtures.offer("BILL", 5, 5);
        Fixtures.Family family = fixtures.family(SEVEN_YEARS_OLD, FOUR_YEARS_OLD);
        try (TopicProbe probe = new TopicProbe(Topics.RESERVATION)) {
            JsonNode answer = json(book(family, UUID.randomUUID().toString(), booking(offer.periodId(),
                    family.children().get(0), MONDAY, "JOURNEE_REPAS",
                    family.children().get(0), MONDAY.plusDays(1), "MATIN",
                    family.children().get(1), MONDAY, "APRES_MIDI_REPAS"))
                    .expectStatus().isCreated()
                    .expectBody().returnResult().getResponseBody());

            assertThat(answer.get("reservations")).hasSize(3);
            answer.get("reservations").forEach(line -> assertThat(line.get("status").asString()).isEqualTo("CONFIRMED"));
            String bookingId = answer.get("bookingId").asString();
            assertThat(remaining(offer, offer.sixAndOver(), MONDAY, "MATIN")).isEqualTo(4);
            assertThat(remaining(offer, offer.sixAndOver(), MONDAY, "APRES_MIDI")).isEqualTo(4);
            assertThat(remaining(offer, offer.underSix(), MONDAY, "MATIN")).isEqualTo(5);
            assertThat(remaining(offer, offer.underSix(), MONDAY, "APRES_MIDI")).isEqualTo(4);

            var placed = probe.await(record -> record.value().contains(bookingId)
                    && "reservation.BookingPlaced.v1".equals(TopicProbe.header(record, "ce_type")), Duration.ofSeconds(30));
            assertThat(placed).hasSize(1);
            assertThat(placed.get(0).key()).isEqualTo(family.id().toString());
            var confirmed = probe.drain(record -> record.value().contains(bookingId)
                    && "reservation.ReservationConfirmed.v1".equals(TopicProbe.header(record, "ce_type")), Duration.ofSeconds(2));
            assertThat(confirmed).hasSize(3);
        }

        web.get().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].status").isEqualTo("CONFIRMED")
                .jsonPath("$[0].periodName").isEqualTo("Été test")
                .jsonPath("$[0].structureName").isEqualTo("Accueil de loisirs Les Petits Loups");
    }

    @Test
    void whenDayIsFullThenChildIsWaitlistedWithItsRankAndTheCalendarSaysFull() {
        Fixtures.Offer offer = fixtures.offer("BILL", 1, 1);
        Fixtures.Family first = fixtures.family(SEVEN_YEARS_OLD);
        Fixtures.Family second = fixtures.family(SEVEN_YEARS_OLD);
        Fixtures.Family third = fixtures.family(SEVEN_YEARS_OLD);
        bookOne(first, offer, MONDAY, "JOURNEE").expectStatus().isCreated().expectBody().jsonPath("$.reservations[0].status").isEqualTo("CONFIRMED");

        bookOne(second, offer, MONDAY, "MATIN").expectStatus().isCreated().expectBody()
                .jsonPath("$.reservations[0].status").isEqualTo("WAITLISTED")
                .jsonPath("$.reservations[0].waitlistRank").isEqualTo(1);
        bookOne(third, offer, MONDAY, "JOURNEE").expectStatus().isCreated().expectBody()
                .jsonPath("$.reservations[0].status").isEqualTo("WAITLISTED")
                .jsonPath("$.reservations[0].waitlistRank").isEqualTo(2);

        web.get().uri("/api/periods/" + offer.periodId() + "/calendar?childId=" + third.child())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + third.token()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.days[?(@.date == '2027-07-05')].reservation.status").isEqualTo(List.of("WAITLISTED"))
                .jsonPath("$.days[?(@.date == '2027-07-05')].reservation.waitlistRank").isEqualTo(List.of(2))
                .jsonPath("$.days[?(@.date == '2027-07-06')].units[0].remaining").isEqualTo(List.of(1));
        Fixtures.Family newcomer = fixtures.family(SEVEN_YEARS_OLD);
        web.get().uri("/api/periods/" + offer.periodId() + "/calendar?childId=" + newcomer.child())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + newcomer.token()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.days[?(@.date == '2027-07-05')].units[?(@.unit == 'MATIN')].blocked").isEqualTo(List.of("FULL"))
                .jsonPath("$.days[?(@.date == '2027-07-05')].units[?(@.unit == 'MATIN')].bookable").isEqualTo(List.of(true))
                .jsonPath("$.days[?(@.date == '2027-07-14')].blocked").isEqualTo(List.of("CLOSED"))
                .jsonPath("$.days[?(@.date == '2027-07-10')]").isEmpty();
    }

    @Test
    void whenAConfirmedChildIsCancelledThenTheFirstWaitlistedChildIsPromotedAtOnceAndTheOthersMoveUp() {
        Fixtures.Offer offer = fixtures.offer("BILL", 1, 1);
        Fixtures.Family booked = fixtures.family(SEVEN_YEARS_OLD);
        Fixtures.Family waitingFirst = fixtures.family(SEVEN_YEARS_OLD);
        Fixtures.Family waitingSecond = fixtures.family(SEVEN_YEARS_OLD);
        String reservation = reservationId(bookOne(booked, offer, MONDAY, "JOURNEE_REPAS"));
        String promotedId = reservationId(bookOne(waitingFirst, offer, MONDAY, "JOURNEE"));
        bookOne(waitingSecond, offer, MONDAY, "MATIN").expectStatus().isCreated();

        try (TopicProbe probe = new TopicProbe(Topics.RESERVATION)) {
            web.post().uri("/api/reservations/" + reservation + "/cancellation").header(HttpHeaders.AUTHORIZATION, "Bearer " + booked.token())
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.reservations[0].status").isEqualTo("CANCELLED")
                    .jsonPath("$.reservations[0].late").isEqualTo(false)
                    .jsonPath("$.promoted[0].id").isEqualTo(promotedId)
                    .jsonPath("$.promoted.length()").isEqualTo(1);
            assertThat(probe.await(record -> record.value().contains(promotedId)
                    && "reservation.WaitlistPromoted.v1".equals(TopicProbe.header(record, "ce_type")), Duration.ofSeconds(30))).hasSize(1);
            assertThat(probe.await(record -> record.value().contains(reservation)
                    && "reservation.CancellationConfirmed.v1".equals(TopicProbe.header(record, "ce_type")), Duration.ofSeconds(30))).hasSize(1);
        }
        web.get().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + waitingFirst.token()).exchange()
                .expectBody().jsonPath("$[0].status").isEqualTo("CONFIRMED");
        web.get().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + waitingSecond.token()).exchange()
                .expectBody().jsonPath("$[0].status").isEqualTo("WAITLISTED").jsonPath("$[0].waitlistRank").isEqualTo(1);
        assertThat(remaining(offer, offer.sixAndOver(), MONDAY, "MATIN")).isZero();
    }

    @Test
    void whenTheWindowIsNotOpenYetThenBookingIsRefusedWithTheOpeningDate() {
        Fixtures.Offer offer = fixtures.offer("BILL", 5, 5);
        Fixtures.Family family = fixtures.family(SEVEN_YEARS_OLD);
        clock.set(Fixtures.OPENS.minusSeconds(60));

        refused(bookOne(family, offer, MONDAY, "JOURNEE"), 422, "booking-not-open");
        assertThat(liveReservations(family)).isZero();
    }

    @Test
    void whenOnlyResidentsMayBookYetThenOthersAreRefusedUntilEveryoneMay() {
        Instant everyone = Fixtures.OPENS.plus(Duration.ofDays(7));
        Fixtures.Offer offer = fixtures.offer("BILL", 5, 5, false, everyone);
        Fixtures.Family resident = fixtures.family(true, true, true, SEVEN_YEARS_OLD);
        Fixtures.Family outsider = fixtures.family(false, true, true, SEVEN_YEARS_OLD);
        clock.set(Fixtures.OPENS.plus(Duration.ofDays(1)));

        bookOne(resident, offer, MONDAY, "JOURNEE").expectStatus().isCreated();
        refused(bookOne(outsider, offer, MONDAY, "JOURNEE"), 422, "booking-residents-first");

        clock.set(everyone);
        bookOne(outsider, offer, MONDAY, "JOURNEE").expectStatus().isCreated();
    }

    @Test
    void whenTheDeadlineAndItsCutOffHourHavePassedThenTheDayCannotBeBookedAnymore() {
        Fixtures.Offer offer = fixtures.offer("BILL", 5, 5);
        Fixtures.Family family = fixtures.family(SEVEN_YEARS_OLD);
        LocalDate friday = MONDAY.plusDays(4);
        // J-2 at 12:00 Paris time (10:00 UTC in July): Wednesday 7 July.
        clock.set(Instant.parse("2027-07-07T09:59:00Z"));
        bookOne(family, offer, friday, "MATIN").expectStatus().isCreated();

        clock.set(Instant.parse("2027-07-07T10:01:00Z"));
        Fixtures.Family late = fixtures.family(SEVEN_YEARS_OLD);
        refused(bookOne(late, offer, friday, "MATIN"), 422, "deadline-passed");
        web.get().uri("/api/periods/" + offer.periodId() + "/calendar?childId=" + late.child())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + late.token()).exchange()
                .expectBody()
                .jsonPath("$.days[?(@.date == '2027-07-09')].blocked").isEqualTo(List.of("DEADLINE_PASSED"))
                .jsonPath("$.days[?(@.date == '2027-07-12')].blocked").doesNotExist();
    }

    @Test
    void whenTheDeadlineCountsWorkingDaysThenTheWeekendIsSkipped() {
        Fixtures.Offer offer = fixtures.offer("BILL", 5, 5, true, null);
        Fixtures.Family family = fixtures.family(SEVEN_YEARS_OLD);
        LocalDate monday = MONDAY.plusDays(7);
        // Two working days before Monday 12 July: Thursday 8 July at 12:00.
        clock.set(Instant.parse("2027-07-08T10:01:00Z"));

        refused(bookOne(family, offer, monday, "MATIN"), 422, "deadline-passed");
    }

    @Test
    void whenTheDayIsClosedOrTheChildIsOutOfTheAgeRangeOrTheDossierIsIncompleteThenTheRuleIsNamed() {
        Fixtures.Offer offer = fixtures.offer("BILL", 5, 5);
        Fixtures.Family family = fixtures.family(SEVEN_YEARS_OLD);
        refused(bookOne(family, offer, BASTILLE_DAY, "JOURNEE"), 422, "day-closed");
        refused(bookOne(family, offer, MONDAY.plusDays(5), "JOURNEE"), 422, "day-closed");

        Fixtures.Family toddler = fixtures.family(LocalDate.of(2025, 1, 1));
        refused(bookOne(toddler, offer, MONDAY, "JOURNEE"), 422, "age-out-of-range");

        Fixtures.Family incomplete = fixtures.family(true, true, false, SEVEN_YEARS_OLD);
        refused(bookOne(incomplete, offer, MONDAY, "JOURNEE"), 422, "dossier-incomplete");

        Fixtures.Family inactive = fixtures.family(true, false, true, SEVEN_YEARS_OLD);
        refused(bookOne(inactive, offer, MONDAY, "JOURNEE"), 403, "account-not-active");

        assertThat(liveReservations(family) + liveReservations(toddler) + liveReservations(incomplete) + liveReservations(inactive)).isZero();
        assertThat(remaining(offer, offer.sixAndOver(), MONDAY, "MATIN")).isEqualTo(5);
    }

    @Test
    void whenACancellationIsLateThenItIsRefusedOrBilledAsTheActivitySays() {
        Fixtures.Offer refusing = fixtures.offer("REFUSE", 5, 5);
        Fixtures.Offer billing = fixtures.offer("BILL", 5, 5);
        Fixtures.Family family = fixtures.family(SEVEN_YEARS_OLD);
        String kept = reservationId(bookOne(family, refusing, MONDAY, "JOURNEE"));
        String billed = reservationId(bookOne(family, billing, MONDAY, "JOURNEE"));
        clock.set(Instant.parse("2027-07-03T10:01:00Z"));

        refused(web.post().uri("/api/reservations/" + kept + "/cancellation").header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .exchange(), 422, "cancellation-deadline-passed");
        assertThat(remaining(refusing, refusing.sixAndOver(), MONDAY, "MATIN")).isEqualTo(4);

        web.post().uri("/api/reservations/" + billed + "/cancellation").header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.reservations[0].status").isEqualTo("CANCELLED")
                .jsonPath("$.reservations[0].late").isEqualTo(true)
                .jsonPath("$.reservations[0].billable").isEqualTo(true);
        assertThat(remaining(billing, billing.sixAndOver(), MONDAY, "MATIN")).isEqualTo(5);
    }

    @Test
    void whenTheSameKeyIsReplayedThenTheSameAnswerComesBackAndADifferentBodyOrAKeyInFlightIsRefused() {
        Fixtures.Offer offer = fixtures.offer("BILL", 5, 5);
        Fixtures.Family family = fixtures.family(SEVEN_YEARS_OLD);
        String key = UUID.randomUUID().toString();
        byte[] first = bookOne(family, offer, MONDAY, "JOURNEE", key).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "false")
                .expectBody().returnResult().getResponseBody();

        byte[] replay = bookOne(family, offer, MONDAY, "JOURNEE", key).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().returnResult().getResponseBody();
        assertThat(json(replay)).isEqualTo(json(first));
        assertThat(liveReservations(family)).isEqualTo(1);

        refused(bookOne(family, offer, MONDAY.plusDays(1), "JOURNEE", key), 422, "idempotency-key-reused");

        String inFlight = UUID.randomUUID().toString();
        database.sql("INSERT INTO idempotency_key (caller, key, request_hash, status, created_at) VALUES (:caller, :key, 'x', 'IN_FLIGHT', now())")
                .bind("caller", "family:" + family.id()).bind("key", inFlight).then().block();
        // Same hash as the request below, so only "in flight" can explain the refusal.
        database.sql("UPDATE idempotency_key SET request_hash = (SELECT request_hash FROM idempotency_key WHERE key = :done) WHERE key = :key")
                .bind("done", key).bind("key", inFlight).then().block();
        refused(bookOne(family, offer, MONDAY, "JOURNEE", inFlight), 409, "idempotency-key-in-flight");

        web.post().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(booking(offer.periodId(), family.child(), MONDAY, "JOURNEE"))
                .exchange().expectStatus().isBadRequest();
        assertThat(liveReservations(family)).isEqualTo(1);
    }

    @Test
    void whenAParentUsesAnotherFamilysChildOrReservationThenTheAnswerIsNotFoundAndNothingChanges() {
        Fixtures.Offer offer = fixtures.offer("BILL", 5, 5);
        Fixtures.Family owner = fixtures.family(SEVEN_YEARS_OLD);
        Fixtures.Family intruder = fixtures.family(SEVEN_YEARS_OLD);
        String reservation = reservationId(bookOne(owner, offer, MONDAY, "JOURNEE"));

        refused(web.post().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + intruder.token())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(booking(offer.periodId(), owner.child(), MONDAY.plusDays(1), "JOURNEE"))
                .exchange(), 404, "not-found");
        refused(web.get().uri("/api/periods/" + offer.periodId() + "/calendar?childId=" + owner.child())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + intruder.token()).exchange(), 404, "not-found");
        refused(web.post().uri("/api/reservations/" + reservation + "/cancellation")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + intruder.token()).exchange(), 404, "not-found");
        refused(web.post().uri("/api/reservations/cancellations").header(HttpHeaders.AUTHORIZATION, "Bearer " + intruder.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reservationIds", List.of(reservation)))
                .exchange(), 404, "not-found");
        web.get().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + intruder.token()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);

        assertThat(liveReservations(owner)).isEqualTo(1);
        assertThat(database.sql("SELECT count(*) AS n FROM reservation WHERE child_id = :child").bind("child", owner.child())
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1);
        assertThat(remaining(offer, offer.sixAndOver(), MONDAY.plusDays(1), "MATIN")).isEqualTo(5);
    }

    @Test
    void whenStaffLowerACapacityBelowWhatIsBookedThenItIsRefusedAndTheBoardShowsBookedAndWaiting() {
        Fixtures.Offer offer = fixtures.offer("BILL", 5, 1);
        Fixtures.Family family = fixtures.family(SEVEN_YEARS_OLD);
        Fixtures.Family waiting = fixtures.family(SEVEN_YEARS_OLD);
        bookOne(family, offer, MONDAY, "JOURNEE_REPAS").expectStatus().isCreated();
        bookOne(waiting, offer, MONDAY, "JOURNEE_REPAS").expectStatus().isCreated();

        refused(web.put().uri("/api/admin/periods/" + offer.periodId() + "/capacity")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fr.portailfamilles.testsupport.TestTokens.staff())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("date", MONDAY, "ageGroupId", offer.sixAndOver(), "capacity", 0))
                .exchange(), 409, "capacity-below-booked");
        web.get().uri("/api/admin/periods/" + offer.periodId() + "/capacity")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fr.portailfamilles.testsupport.TestTokens.staff()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.date == '2027-07-05' && @.ageGroupId == '" + offer.sixAndOver() + "')].morningBooked").isEqualTo(List.of(1))
                .jsonPath("$[?(@.date == '2027-07-05' && @.ageGroupId == '" + offer.sixAndOver() + "')].waiting").isEqualTo(List.of(1))
                .jsonPath("$[?(@.date == '2027-07-05' && @.ageGroupId == '" + offer.sixAndOver() + "')].meals").isEqualTo(List.of(1));
    }

    @Test
    void whenStaffBookAfterTheDeadlineAndCancelWithAReasonThenTheAttendanceListFollows() {
        Fixtures.Offer offer = fixtures.offer("REFUSE", 5, 5);
        Fixtures.Family family = fixtures.family(SEVEN_YEARS_OLD);
        clock.set(Instant.parse("2027-07-04T18:00:00Z"));
        String staff = "Bearer " + fr.portailfamilles.testsupport.TestTokens.staff();

        String reservation = json(web.post().uri("/api/admin/families/" + family.id() + "/reservations").header(HttpHeaders.AUTHORIZATION, staff)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("periodId", offer.periodId(), "reason", "Appel de la maman, reprise du travail",
                        "lines", List.of(Map.of("childId", family.child(), "date", MONDAY, "unit", "MATIN_REPAS"))))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody())
                .get("reservations").get(0).get("id").asString();
        web.get().uri("/api/admin/attendance.csv?structureId=" + fr.portailfamilles.reservation.config.DemoData.PETITS_LOUPS_ALSH + "&date=" + MONDAY)
                .header(HttpHeaders.AUTHORIZATION, staff).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(csv -> assertThat(csv).startsWith("date;nom;prenom;unite;repas;pointage;heure;reservation\n")
                        .contains("2027-07-05;Test;Enfant0;MATIN_REPAS;oui;;;" + reservation));
        refused(web.post().uri("/api/reservations/" + reservation + "/cancellation").header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .exchange(), 422, "cancellation-deadline-passed");

        web.post().uri("/api/admin/reservations/" + reservation + "/cancellation").header(HttpHeaders.AUTHORIZATION, staff)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Enfant malade, certificat reçu"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.reservations[0].status").isEqualTo("CANCELLED").jsonPath("$.reservations[0].billable").isEqualTo(false);
        web.get().uri("/api/admin/attendance.csv?structureId=" + fr.portailfamilles.reservation.config.DemoData.PETITS_LOUPS_ALSH + "&date=" + MONDAY)
                .header(HttpHeaders.AUTHORIZATION, staff).exchange()
                .expectBody(String.class).value(csv -> assertThat(csv).doesNotContain(reservation));
        web.post().uri("/api/admin/reservations/" + reservation + "/cancellation").header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "x")).exchange().expectStatus().isForbidden();
    }

    @Test
    void whenAParentRepeatsASemaineTypeThenEveryMatchingOpenDayIsBookedForEachChildExceptClosedAndAlreadyBookedDays() {
        Fixtures.Offer offer = fixtures.offer("BILL", 5, 5);
        Fixtures.Family family = fixtures.family(SEVEN_YEARS_OLD, FOUR_YEARS_OLD);
        bookOne(family, offer, MONDAY.plusDays(4), "JOURNEE").expectStatus().isCreated();
        Map<String, Object> pattern = Map.of("periodId", offer.periodId(), "childIds", family.children(),
                "week", List.of(Map.of("dayOfWeek", "WEDNESDAY", "unit", "APRES_MIDI_REPAS"), Map.of("dayOfWeek", "FRIDAY", "unit", "MATIN")));
        String key = UUID.randomUUID().toString();

        JsonNode answer = json(web.post().uri("/api/reservations/weekly-pattern").header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(pattern)
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());

        // Wednesdays 7 and 14 (closed: Fête nationale), Fridays 9 and 16; the first child already has Friday 9.
        List<String> booked = new java.util.ArrayList<>();
        answer.get("reservations").forEach(line -> booked.add(line.get("childId").asString() + " " + line.get("date").asString() + " "
                + line.get("unit").asString() + " " + line.get("status").asString()));
        String older = family.children().get(0).toString();
        String younger = family.children().get(1).toString();
        assertThat(booked).containsExactlyInAnyOrder(
                older + " 2027-07-07 APRES_MIDI_REPAS CONFIRMED", older + " 2027-07-16 MATIN CONFIRMED",
                younger + " 2027-07-07 APRES_MIDI_REPAS CONFIRMED", younger + " 2027-07-09 MATIN CONFIRMED",
                younger + " 2027-07-16 MATIN CONFIRMED");
        web.post().uri("/api/reservations/weekly-pattern").header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(pattern)
                .exchange().expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true");
        assertThat(liveReservations(family)).isEqualTo(6);
    }

    private WebTestClient.ResponseSpec bookOne(Fixtures.Family family, Fixtures.Offer offer, LocalDate date, String unit) {
        return bookOne(family, offer, date, unit, UUID.randomUUID().toString());
    }

    private WebTestClient.ResponseSpec bookOne(Fixtures.Family family, Fixtures.Offer offer, LocalDate date, String unit, String key) {
        return book(family, key, booking(offer.periodId(), family.child(), date, unit));
    }

    private WebTestClient.ResponseSpec book(Fixtures.Family family, String key, Map<String, Object> body) {
        return web.post().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
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

    private long liveReservations(Fixtures.Family family) {
        return database.sql("SELECT count(*) AS n FROM reservation WHERE family_id = :family AND status <> 'CANCELLED'")
                .bind("family", family.id()).map(row -> row.get("n", Long.class)).one().block();
    }

    private int remaining(Fixtures.Offer offer, UUID group, LocalDate date, String half) {
        return database.sql("SELECT capacity - booked AS n FROM day_slot WHERE period_id = :period AND age_group_id = :group AND date = :date AND half = :half")
                .bind("period", offer.periodId()).bind("group", group).bind("date", date).bind("half", half)
                .map(row -> row.get("n", Integer.class)).one().block();
    }
}

package fr.portailfamilles.reservation;

import static fr.portailfamilles.reservation.Fixtures.MONDAY;
import static fr.portailfamilles.reservation.Fixtures.OPENS;
import static fr.portailfamilles.reservation.Fixtures.booking;
import static fr.portailfamilles.reservation.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.platform.web.admission.AdmissionPasses;
import fr.portailfamilles.reservation.family.application.FamilyProjections;
import fr.portailfamilles.reservation.waitingroom.application.Admissions;
import fr.portailfamilles.reservation.waitingroom.application.LoadGauge;
import fr.portailfamilles.reservation.waitingroom.application.WaitingRoomProperties;
import fr.portailfamilles.reservation.waitingroom.domain.WaitingRoomStore;
import fr.portailfamilles.testsupport.TestTokens;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * The waiting room of a period's opening over real HTTP and tokens, against the real database, with the clock fixed:
 * the admission loop's pass is run by the test ({@link Admissions#advance()}) at the instants it chooses.
 */
class WaitingRoomIT extends ReservationIntegrationTest {

    private static final String PROBLEMS = "https://portail-familles.fr/problems/";
    private static final LocalDate SEVEN_YEARS_OLD = LocalDate.of(2020, 1, 1);
    private static final Instant BEFORE = OPENS.minus(Duration.ofMinutes(5));

    @Autowired
    WebTestClient web;

    @Autowired
    FamilyProjections projections;

    @Autowired
    Admissions admissions;

    @Autowired
    AdmissionPasses passes;

    @Autowired
    DatabaseClient database;

    @Autowired
    TransactionalOperator transactions;

    @Autowired
    WaitingRoomProperties properties;

    Fixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new Fixtures(web, projections);
    }

    @Test
    void earlyArrivalsAreDrawnInRandomOrderAtTheOpeningAndLaterArrivalsQueueBehindInArrivalOrder() {
        UUID period = periodWithRoom(60);
        clock.set(BEFORE);
        List<Fixtures.Family> early = families(30);
        for (Fixtures.Family family : early) {
            JsonNode waiting = join(family, period);
            assertThat(waiting.get("status").asString()).isEqualTo("WAITING");
            assertThat(waiting.get("opensAt").asString()).isEqualTo(OPENS.toString());
            assertThat(waiting.has("position")).as("no place before the draw").isFalse();
            assertThat(waiting.get("estimatedWaitSeconds").asLong()).isEqualTo(300);
        }

        clock.set(OPENS);
        assertThat(admissions.advance().block()).isTrue();
        clock.set(OPENS.plusSeconds(1));
        Fixtures.Family late1 = fixtures.family(SEVEN_YEARS_OLD);
        Fixtures.Family late2 = fixtures.family(SEVEN_YEARS_OLD);
        assertThat(join(late1, period).get("position").asInt()).isEqualTo(31);
        assertThat(join(late2, period).get("position").asInt()).isEqualTo(32);

        List<Integer> drawn = early.stream().map(family -> read(family, period).get("position").asInt()).toList();
        assertThat(drawn).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 30).boxed().toList());
        // 30 families in join order by chance: one in 30! — a queue by arrival fails here.
        assertThat(drawn).isNotEqualTo(IntStream.rangeClosed(1, 30).boxed().toList());
    }

    @Test
    void admissionIsPacedAndEachFamilyWaitsItsTurnWithItsPlaceAndWaitShown() {
        UUID period = periodWithRoom(60);
        clock.set(BEFORE);
        List<Fixtures.Family> early = families(20);
        early.forEach(family -> join(family, period));

        clock.set(OPENS);
        admissions.advance().block();
        assertThat(admitted(early, period)).isZero();
        clock.set(OPENS.plusSeconds(5));
        admissions.advance().block();
        assertThat(admitted(early, period)).as("60 a minute: 5 in 5 s").isEqualTo(5);

        for (Fixtures.Family family : early) {
            JsonNode standing = read(family, period);
            int position = standing.get("position").asInt();
            if (position <= 5) {
                assertThat(standing.get("status").asString()).isEqualTo("ADMITTED");
                AdmissionPasses.Pass pass = passes.verify(standing.get("pass").asString(), family.id());
                assertThat(pass.periodId()).isEqualTo(period);
                assertThat(standing.get("passExpiresAt").asString()).isEqualTo(OPENS.plusSeconds(5).plus(properties.passValidity()).toString());
            }
            else {
                assertThat(standing.get("status").asString()).isEqualTo("WAITING");
                assertThat(standing.get("ahead").asInt()).isEqualTo(position - 6);
                assertThat(standing.get("estimatedWaitSeconds").asLong()).isEqualTo(position - 5);
                assertThat(standing.has("pass")).isFalse();
            }
        }

        clock.set(OPENS.plusSeconds(15));
        admissions.advance().block();
        assertThat(admitted(early, period)).isEqualTo(15);
        // A long gap admits at most maxCatchUp (10 s) worth, and never more than are queued (before closeAfter: still open).
        clock.set(OPENS.plusSeconds(300));
        admissions.advance().block();
        assertThat(admitted(early, period)).isEqualTo(20);
    }

    @Test
    void whenTheServiceIsSaturatedTheRoomAdmitsMoreSlowly() {
        UUID period = periodWithRoom(60);
        clock.set(BEFORE);
        List<Fixtures.Family> early = families(10);
        early.forEach(family -> join(family, period));
        // As many bookings waiting for a connection as the pool has: half the pace.
        LoadGauge saturated = new LoadGauge() {
            @Override
            public int pendingAcquires() {
                return 20;
            }

            @Override
            public int poolSize() {
                return 20;
            }
        };
        Admissions slowed = new Admissions(new WaitingRoomStore(database), saturated, transactions, clock, properties);
        clock.set(OPENS);
        slowed.advance().block();
        clock.set(OPENS.plusSeconds(10));
        slowed.advance().block();
        assertThat(admitted(early, period)).isEqualTo(5);
        // The wait shown follows the pace applied: 30 a minute, 2 s a family.
        Fixtures.Family last = early.stream().filter(family -> read(family, period).get("position").asInt() == 10).findFirst().orElseThrow();
        assertThat(read(last, period).get("estimatedWaitSeconds").asLong()).isEqualTo(10);
    }

    @Test
    void aFamilyHasOnePlaceHoweverOftenItJoins() {
        UUID period = periodWithRoom(60);
        clock.set(BEFORE);
        Fixtures.Family family = fixtures.family(SEVEN_YEARS_OLD);
        List<Integer> statuses = Flux.range(0, 8).parallel(8).runOn(Schedulers.boundedElastic())
                .map(attempt -> web.post().uri("/api/periods/" + period + "/waiting-room")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token()).exchange().returnResult(String.class)
                        .getStatus().value())
                .sequential().collectList().block();
        assertThat(statuses).containsOnly(200);
        assertThat(places(period)).isEqualTo(1);

        clock.set(OPENS.plusSeconds(30));
        admissions.advance().block();
        int position = read(family, period).get("position").asInt();
        assertThat(join(family, period).get("position").asInt()).isEqualTo(position);
        assertThat(places(period)).isEqualTo(1);
    }

    @Test
    void whileTheRoomAdmitsABookingNeedsThePassOfThatFamilyAndPeriod() {
        Fixtures.Offer offer = fixtures.offer("BILL", 10, 10);
        UUID period = offer.periodId();
        enableRoom(period, 60);
        UUID otherPeriod = periodWithRoom(60);
        clock.set(BEFORE);
        Fixtures.Family family = fixtures.family(SEVEN_YEARS_OLD);
        Fixtures.Family other = fixtures.family(SEVEN_YEARS_OLD);
        join(family, period);
        join(other, period);
        join(family, otherPeriod);
        clock.set(OPENS);
        admissions.advance().block();
        clock.set(OPENS.plusSeconds(10));
        admissions.advance().block();
        String pass = read(family, period).get("pass").asString();
        String othersPass = read(other, period).get("pass").asString();
        String otherPeriodsPass = read(family, otherPeriod).get("pass").asString();
        String forged = AdmissionPasses.create("a-forger-guessing-the-secret-wrongly-0123456789", false, clock)
                .issue(new AdmissionPasses.Pass(family.id(), UUID.randomUUID(), period, OPENS.plusSeconds(600)));

        book(family, offer, null).expectStatus().isForbidden().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "admission-pass-required");
        book(family, offer, othersPass).expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "admission-pass-other-family");
        book(family, offer, forged).expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "admission-pass-invalid");
        book(family, offer, otherPeriodsPass).expectStatus().isForbidden().expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "admission-pass-other-period");
        weeklyPattern(family, offer, null).expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "admission-pass-required");
        assertThat(reservations(family)).as("a refused booking changes nothing").isZero();

        clock.set(OPENS.plusSeconds(10).plus(properties.passValidity()));
        book(family, offer, pass).expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "admission-pass-expired");
        assertThat(reservations(family)).isZero();

        clock.set(OPENS.plusSeconds(20));
        book(family, offer, pass).expectStatus().isCreated().expectBody().jsonPath("$.reservations[0].status").isEqualTo("CONFIRMED");
    }

    @Test
    void theRoomClosesOnceEveryoneWasAdmittedAndTimeHasPassedThenBookingIsAsUsual() {
        Fixtures.Offer offer = fixtures.offer("BILL", 10, 10);
        enableRoom(offer.periodId(), 60);
        clock.set(BEFORE);
        Fixtures.Family family = fixtures.family(SEVEN_YEARS_OLD);
        join(family, offer.periodId());
        clock.set(OPENS.plusSeconds(5));
        admissions.advance().block();
        assertThat(read(family, offer.periodId()).get("status").asString()).isEqualTo("ADMITTED");

        clock.set(OPENS.plus(properties.closeAfter()));
        admissions.advance().block();
        assertThat(read(family, offer.periodId()).get("status").asString()).isEqualTo("NOT_REQUIRED");
        Fixtures.Family newcomer = fixtures.family(SEVEN_YEARS_OLD);
        assertThat(join(newcomer, offer.periodId()).get("status").asString()).isEqualTo("NOT_REQUIRED");
        book(newcomer, offer, null).expectStatus().isCreated();
    }

    @Test
    void twoInstancesShareOneQueueAndOneWatermark() {
        UUID period = periodWithRoom(60);
        Admissions second = new Admissions(new WaitingRoomStore(database), new LoadGauge() {
            @Override
            public int pendingAcquires() {
                return 0;
            }

            @Override
            public int poolSize() {
                return 20;
            }
        }, transactions, clock, properties);
        clock.set(BEFORE);
        List<Fixtures.Family> early = families(12);
        early.forEach(family -> join(family, period));
        clock.set(OPENS);
        Mono.zip(admissions.advance().subscribeOn(Schedulers.boundedElastic()), second.advance().subscribeOn(Schedulers.boundedElastic()))
                .block();
        clock.set(OPENS.plusSeconds(6));
        Boolean[] worked = Mono.zip(admissions.advance().subscribeOn(Schedulers.boundedElastic()),
                second.advance().subscribeOn(Schedulers.boundedElastic())).map(both -> new Boolean[] { both.getT1(), both.getT2() }).block();
        assertThat(worked).contains(true);
        assertThat(admitted(early, period)).as("both instances moved one watermark, not two").isEqualTo(6);
        assertThat(early.stream().map(family -> read(family, period).get("position").asInt()).toList())
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 12).boxed().toList());
    }

    @Test
    void theAdaptivePaceReadsTheRealConnectionPool(@Autowired LoadGauge gauge) {
        assertThat(gauge.poolSize()).as("spring.r2dbc.pool.max-size").isEqualTo(20);
        assertThat(gauge.pendingAcquires()).isZero();
    }

    @Test
    void staffSetTheRoomAndBadSettingsAreRefusedWithoutChange() {
        UUID period = periodWithRoom(120);
        web.get().uri("/api/admin/periods/" + period).header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.waitingRoom.enabled").isEqualTo(true)
                .jsonPath("$.waitingRoom.paceLimitPerMinute").isEqualTo(120);
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("enabled", true, "paceLimitPerMinute", 0),
                Map.<String, Object>of("enabled", true, "paceLimitPerMinute", 60001), Map.<String, Object>of("paceLimitPerMinute", 60))) {
            web.put().uri("/api/admin/periods/" + period + "/waiting-room").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(bad).exchange()
                    .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.violations").isNotEmpty();
        }
        web.get().uri("/api/admin/periods/" + period).header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff()).exchange()
                .expectBody().jsonPath("$.waitingRoom.paceLimitPerMinute").isEqualTo(120);
    }

    // ---------------------------------------------------------------- helpers

    private UUID periodWithRoom(int pace) {
        UUID period = fixtures.offer("BILL", 10, 10).periodId();
        enableRoom(period, pace);
        return period;
    }

    private void enableRoom(UUID period, int pace) {
        web.put().uri("/api/admin/periods/" + period + "/waiting-room").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("enabled", true, "paceLimitPerMinute", pace)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.waitingRoom.enabled").isEqualTo(true);
    }

    private List<Fixtures.Family> families(int count) {
        List<Fixtures.Family> families = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            families.add(fixtures.family(SEVEN_YEARS_OLD));
        }
        return families;
    }

    private JsonNode join(Fixtures.Family family, UUID period) {
        return json(web.post().uri("/api/periods/" + period + "/waiting-room").header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .exchange().expectStatus().isOk().expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody().returnResult().getResponseBody());
    }

    private JsonNode read(Fixtures.Family family, UUID period) {
        return json(web.get().uri("/api/periods/" + period + "/waiting-room").header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .exchange().expectStatus().isOk().expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody().returnResult().getResponseBody());
    }

    private long admitted(List<Fixtures.Family> families, UUID period) {
        return families.stream().filter(family -> "ADMITTED".equals(read(family, period).get("status").asString())).count();
    }

    private WebTestClient.ResponseSpec book(Fixtures.Family family, Fixtures.Offer offer, String pass) {
        WebTestClient.RequestBodySpec request = web.post().uri("/api/reservations")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON);
        if (pass != null) {
            request = request.header(AdmissionPasses.HEADER, pass);
        }
        return request.bodyValue(booking(offer.periodId(), family.child(), MONDAY, "JOURNEE")).exchange();
    }

    private WebTestClient.ResponseSpec weeklyPattern(Fixtures.Family family, Fixtures.Offer offer, String pass) {
        Map<String, Object> pattern = new HashMap<>();
        pattern.put("periodId", offer.periodId());
        pattern.put("childIds", List.of(family.child()));
        pattern.put("week", List.of(Map.of("dayOfWeek", "MONDAY", "unit", "JOURNEE")));
        return web.post().uri("/api/reservations/weekly-pattern").header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON).bodyValue(pattern).exchange();
    }

    private long reservations(Fixtures.Family family) {
        return database.sql("SELECT count(*) AS n FROM reservation WHERE family_id = :family").bind("family", family.id())
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private long places(UUID period) {
        return database.sql("SELECT count(*) AS n FROM waiting_room_place WHERE period_id = :period").bind("period", period)
                .map(row -> row.get("n", Long.class)).one().block();
    }
}

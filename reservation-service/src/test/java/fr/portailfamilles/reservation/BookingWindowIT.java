package fr.portailfamilles.reservation;

import static fr.portailfamilles.reservation.Fixtures.MONDAY;
import static fr.portailfamilles.reservation.Fixtures.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.reservation.family.application.FamilyProjections;
import fr.portailfamilles.testsupport.TestTokens;

/** Staff move a period's booking window; who may book follows at once; a parent cannot; a bad window changes nothing. */
class BookingWindowIT extends ReservationIntegrationTest {

    private static final String PROBLEMS = "https://portail-familles.fr/problems/";

    @Autowired
    WebTestClient web;

    @Autowired
    FamilyProjections projections;

    Fixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new Fixtures(web, projections);
    }

    @Test
    void whenStaffCloseTheWindowEarlierThenParentsCanNoLongerBook() {
        Fixtures.Offer offer = fixtures.offer("BILL", 5, 5);
        Fixtures.Family family = fixtures.family(LocalDate.of(2020, 1, 1));
        Instant closes = clock.instant().minusSeconds(60);

        window(offer.periodId(), TestTokens.staff(), Fixtures.OPENS, null, closes)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bookingClosesAt").isEqualTo(closes.toString())
                .jsonPath("$.bookingOpensAt").isEqualTo(Fixtures.OPENS.toString());

        web.post().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(booking(offer.periodId(), family.child(), MONDAY, "JOURNEE")).exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "booking-closed");
    }

    @Test
    void whenTheWindowClosesBeforeItOpensOrAParentAsksThenNothingChanges() {
        Fixtures.Offer offer = fixtures.offer("BILL", 5, 5);

        window(offer.periodId(), TestTokens.staff(), Fixtures.CLOSES, null, Fixtures.OPENS)
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "booking-window-invalid");
        window(offer.periodId(), TestTokens.staff(), Fixtures.OPENS, Fixtures.CLOSES.plusSeconds(1), Fixtures.CLOSES)
                .expectStatus().isEqualTo(422);
        window(offer.periodId(), TestTokens.parent(UUID.randomUUID()), Fixtures.OPENS, null, Fixtures.OPENS.plusSeconds(60))
                .expectStatus().isForbidden();
        window(UUID.randomUUID(), TestTokens.staff(), Fixtures.OPENS, null, Fixtures.CLOSES)
                .expectStatus().isNotFound();

        web.get().uri("/api/admin/periods/" + offer.periodId()).header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.bookingOpensAt").isEqualTo(Fixtures.OPENS.toString())
                .jsonPath("$.bookingClosesAt").isEqualTo(Fixtures.CLOSES.toString());
    }

    private WebTestClient.ResponseSpec window(UUID periodId, String token, Instant opens, Instant everyone, Instant closes) {
        Map<String, Object> body = new HashMap<>();
        body.put("bookingOpensAt", opens);
        body.put("everyoneOpensAt", everyone);
        body.put("bookingClosesAt", closes);
        return web.put().uri("/api/admin/periods/{id}/booking-window", periodId).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}

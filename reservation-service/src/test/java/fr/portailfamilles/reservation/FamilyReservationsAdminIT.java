package fr.portailfamilles.reservation;

import static fr.portailfamilles.reservation.Fixtures.MONDAY;
import static fr.portailfamilles.reservation.Fixtures.booking;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.reservation.family.application.FamilyProjections;
import fr.portailfamilles.testsupport.TestTokens;

/** Staff see one family's reservations (the family page of the back office), never another's; a parent cannot ask. */
class FamilyReservationsAdminIT extends ReservationIntegrationTest {

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
    void whenStaffAskForAFamilysReservationsThenTheyGetThoseOfThatFamilyOnly() {
        Fixtures.Offer offer = fixtures.offer("BILL", 5, 5);
        Fixtures.Family family = fixtures.family(LocalDate.of(2020, 1, 1));
        Fixtures.Family other = fixtures.family(LocalDate.of(2020, 1, 1));
        book(family, booking(offer.periodId(), family.child(), MONDAY, "JOURNEE_REPAS"));
        book(other, booking(offer.periodId(), other.child(), MONDAY, "MATIN"));

        web.get().uri("/api/admin/reservations?familyId={id}", family.id()).header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].childId").isEqualTo(family.child().toString())
                .jsonPath("$[0].unit").isEqualTo("JOURNEE_REPAS")
                .jsonPath("$[0].status").isEqualTo("CONFIRMED");
        web.get().uri("/api/admin/reservations?familyId={id}", family.id()).header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/admin/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/admin/reservations?familyId={id}", UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$").value(List.class, list -> org.assertj.core.api.Assertions.assertThat(list).isEmpty());
    }

    private void book(Fixtures.Family family, Object body) {
        web.post().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isCreated();
    }
}

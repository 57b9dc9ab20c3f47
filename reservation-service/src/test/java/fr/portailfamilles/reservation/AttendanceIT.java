package fr.portailfamilles.reservation;

import static fr.portailfamilles.reservation.Fixtures.MONDAY;
import static fr.portailfamilles.reservation.Fixtures.booking;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.reservation.config.DemoData;
import fr.portailfamilles.reservation.family.application.FamilyProjections;
import fr.portailfamilles.testsupport.TestTokens;

/** Pointage: staff mark the children booked on a day present, absent or late with the time; the list and its CSV show it. */
class AttendanceIT extends ReservationIntegrationTest {

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
    void whenStaffMarkChildrenPresentLateAndAbsentThenTheListAndItsCsvKeepTheMarks() {
        LocalDate day = MONDAY.plusDays(2);
        Fixtures.Offer offer = fixtures.offer("BILL", 5, 5);
        Fixtures.Family first = fixtures.family(LocalDate.of(2020, 1, 1));
        Fixtures.Family second = fixtures.family(LocalDate.of(2019, 5, 1));
        String onTime = book(first, booking(offer.periodId(), first.child(), day, "JOURNEE_REPAS"));
        String late = book(second, booking(offer.periodId(), second.child(), day, "MATIN"));

        mark(onTime, Map.of("status", "PRESENT", "arrivedAt", "08:45")).expectStatus().isNoContent();
        // Late without a time: refused, nothing recorded.
        mark(late, Map.of("status", "LATE")).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        mark(late, Map.of("status", "LATE", "arrivedAt", "09:40")).expectStatus().isNoContent();

        staff().get().uri("/api/admin/attendance?structureId={s}&date={d}", DemoData.PETITS_LOUPS_ALSH, day).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.reservationId == '" + onTime + "')].status").isEqualTo(List.of("PRESENT"))
                .jsonPath("$[?(@.reservationId == '" + onTime + "')].arrivedAt").isEqualTo(List.of("08:45:00"))
                .jsonPath("$[?(@.reservationId == '" + onTime + "')].meal").isEqualTo(List.of(true))
                .jsonPath("$[?(@.reservationId == '" + onTime + "')].familyName").isEqualTo(List.of("Test"))
                .jsonPath("$[?(@.reservationId == '" + late + "')].status").isEqualTo(List.of("LATE"));

        // Marked again: the latest mark wins; an absent child has no time.
        mark(onTime, Map.of("status", "ABSENT", "arrivedAt", "08:45")).expectStatus().isNoContent();
        staff().get().uri("/api/admin/attendance.csv?structureId={s}&date={d}", DemoData.PETITS_LOUPS_ALSH, day).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(csv -> assertThat(csv)
                        .contains(day + ";Test;Enfant0;JOURNEE_REPAS;oui;ABSENT;;" + onTime)
                        .contains(day + ";Test;Enfant0;MATIN;non;LATE;09:40;" + late));

        mark(UUID.randomUUID().toString(), Map.of("status", "PRESENT")).expectStatus().isNotFound();
        web.put().uri("/api/admin/attendance/" + onTime).header(HttpHeaders.AUTHORIZATION, "Bearer " + first.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "PRESENT")).exchange().expectStatus().isForbidden();
        web.get().uri("/api/admin/attendance?structureId={s}&date={d}", DemoData.PETITS_LOUPS_ALSH, day)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + first.token()).exchange().expectStatus().isForbidden();
    }

    private WebTestClient staff() {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff()).build();
    }

    private WebTestClient.ResponseSpec mark(String reservationId, Map<String, String> body) {
        return staff().put().uri("/api/admin/attendance/" + reservationId).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private String book(Fixtures.Family family, Object body) {
        return web.post().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("reservations") instanceof List<?> list
                        ? (String) ((Map<?, ?>) list.get(0)).get("id") : null;
    }
}

package fr.portailfamilles.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;

import fr.portailfamilles.events.EventCatalog;
import fr.portailfamilles.events.reservation.ReservationConfirmed;
import fr.portailfamilles.testsupport.TestEventPublisher;
import fr.portailfamilles.testsupport.TestTokens;

/** What an operator meets when billing cannot read a booking: the event parked, listed for staff, replayed by an admin. */
class ParkedEventsIT extends BillingIntegrationTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Test
    void whenABookingCannotBeReadThenStaffSeeItParkedAndOnlyAnAdminMayReplayIt() {
        String eventId;
        try (TestEventPublisher events = new TestEventPublisher()) {
            eventId = events.publishRaw(EventCatalog.of(ReservationConfirmed.class), UUID.randomUUID().toString(),
                    "{\"reservationId\": \"pas un identifiant\"}");
        }

        Map<String, Object> parked = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> parkedWithEventId(eventId), found -> found != null);
        assertThat(parked.get("topic")).isEqualTo("reservation.reservation.events");
        assertThat((String) parked.get("error")).contains("Undecodable reservation.ReservationConfirmed.v1");
        assertThat(parked.get("payload")).isEqualTo("{\"reservationId\": \"pas un identifiant\"}");
        String replay = "/api/admin/parked-events/billing-service/" + parked.get("id") + "/replay";

        web.get().uri("/api/admin/parked-events/billing-service").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.parent(UUID.randomUUID()))
                .exchange().expectStatus().isForbidden();
        staff().post().uri(replay).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/admin-only");
        admin().post().uri(replay).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/replay-failed");
        assertThat(parkedWithEventId(eventId)).as("still parked after a failed replay").isNotNull();
    }

    private Map<String, Object> parkedWithEventId(String eventId) {
        return staff().get().uri("/api/admin/parked-events/billing-service").exchange()
                .expectStatus().isOk()
                .expectBody(LIST).returnResult().getResponseBody()
                .stream().filter(parked -> eventId.equals(parked.get("eventId"))).findFirst().orElse(null);
    }
}

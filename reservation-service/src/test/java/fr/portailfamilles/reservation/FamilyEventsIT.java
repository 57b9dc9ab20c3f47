package fr.portailfamilles.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.events.account.ChildProfile;
import fr.portailfamilles.events.account.FamilyRegistered;
import fr.portailfamilles.events.account.FamilyUpdated;
import fr.portailfamilles.events.account.ParentContact;
import fr.portailfamilles.events.document.DossierCompletenessChanged;
import fr.portailfamilles.reservation.config.DemoData;
import fr.portailfamilles.testsupport.TestEventPublisher;
import fr.portailfamilles.testsupport.TestTokens;

/** Families and dossiers arrive over Kafka as account-service and document-service publish them; the demo period welcomes them. */
class FamilyEventsIT extends ReservationIntegrationTest {

    static final UUID MARTIN = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000001");
    static final UUID LEO = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000011");
    static final UUID JADE = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000012");

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Test
    void whenTheMartinFamilyIsRegisteredAndItsDossierCompleteThenLeoMeetsTheDemoFullDayAndIsWaitlisted() throws Exception {
        List<ChildProfile> children = List.of(new ChildProfile(LEO, "Léo", "Martin", LocalDate.of(2018, 3, 14), "École Jean Macé"),
                new ChildProfile(JADE, "Jade", "Martin", LocalDate.of(2021, 6, 2), null));
        try (TestEventPublisher publisher = new TestEventPublisher()) {
            String id = publisher.publish(new FamilyRegistered(MARTIN, "Martin", "8 rue des Tilleuls", "51100", "Reims", true, true, 900,
                    List.<ParentContact>of(), children, Instant.parse("2026-11-01T10:00:00Z")));
            await(() -> count("SELECT count(*) AS n FROM child WHERE family_id = '" + MARTIN + "'") == 2);
            // Redelivered: processed once, and an older state never overwrites a newer one.
            publisher.publish(new FamilyUpdated(MARTIN, "Martin", "8 rue des Tilleuls", "51100", "Reims", true, true, 950,
                    List.<ParentContact>of(), children, Instant.parse("2026-11-02T10:00:00Z")));
            publisher.publish(new FamilyRegistered(MARTIN, "Martin", "8 rue des Tilleuls", "51100", "Reims", true, false, 900,
                    List.<ParentContact>of(), children, Instant.parse("2026-11-01T10:00:00Z")), id);
            await(() -> count("SELECT count(*) AS n FROM family WHERE id = '" + MARTIN + "' AND quotient_familial = 950") == 1);
            publisher.publish(new DossierCompletenessChanged(MARTIN, LEO, "ALSH", true, List.of(), Instant.parse("2026-11-03T10:00:00Z")));
            await(() -> count("SELECT count(*) AS n FROM dossier_status WHERE family_id = '" + MARTIN + "' AND complete") == 1);
        }
        assertThat(count("SELECT count(*) AS n FROM family WHERE id = '" + MARTIN + "' AND account_active")).isEqualTo(1);
        String token = TestTokens.parent(MARTIN);

        web.get().uri("/api/periods").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == '" + DemoData.ETE_2027 + "')].name").isEqualTo(List.of("Vacances d'été 2027"))
                .jsonPath("$[?(@.id == '" + DemoData.ETE_2027 + "')].phase").isEqualTo(List.of("OPEN"));
        web.get().uri("/api/periods/" + DemoData.ETE_2027 + "/calendar?childId=" + LEO).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.days[?(@.date == '2027-07-09')].units[?(@.unit == 'JOURNEE_REPAS')].blocked").isEqualTo(List.of("FULL"))
                .jsonPath("$.days[?(@.date == '2027-07-08')].units[?(@.unit == 'JOURNEE_REPAS')].remaining").isEqualTo(List.of(16))
                .jsonPath("$.days[?(@.date == '2027-07-14')].blocked").isEqualTo(List.of("CLOSED"));
        web.get().uri("/api/periods/" + DemoData.ETE_2027 + "/calendar?childId=" + JADE).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.days[?(@.date == '2027-07-08')].rule").isEqualTo(List.of("dossier-incomplete"));

        web.post().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("childId", LEO, "periodId", DemoData.ETE_2027,
                        "days", List.of(java.util.Map.of("date", "2027-07-08", "unit", "JOURNEE_REPAS"),
                                java.util.Map.of("date", "2027-07-09", "unit", "JOURNEE_REPAS"))))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.reservations[0].status").isEqualTo("CONFIRMED")
                .jsonPath("$.reservations[1].status").isEqualTo("WAITLISTED")
                .jsonPath("$.reservations[1].waitlistRank").isEqualTo(1);
    }

    private long count(String sql) {
        return database.sql(sql).map(row -> row.get("n", Long.class)).one().block();
    }

    private static void await(Supplier<Boolean> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.get()) {
            assertThat(Instant.now()).as("waited for the projection").isBefore(deadline);
            Thread.sleep(250);
        }
    }
}

package fr.portailfamilles.document.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import fr.portailfamilles.document.dossier.application.DossierChecks;
import fr.portailfamilles.events.account.ChildProfile;
import fr.portailfamilles.events.account.FamilyRegistered;
import fr.portailfamilles.platform.outbox.ClusterJobs;
import fr.portailfamilles.testsupport.IntegrationTest;
import fr.portailfamilles.testsupport.TestEventPublisher;
import fr.portailfamilles.testsupport.TestTokens;

/**
 * Two document-service instances on one database, their schedulers firing the daily check at the same moment:
 * the check runs once, so an expiring document is announced (and e-mailed) once.
 */
@IntegrationTest
class DailyDossierCheckIT {

    private static final TestEventPublisher publisher = new TestEventPublisher();

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Autowired
    DossierChecks checks;

    @AfterAll
    static void closePublisher() {
        publisher.close();
    }

    @Test
    void whenTwoInstancesFireTheDailyCheckTogetherThenItRunsOnceAndAnnouncesAnExpiringDocumentOnce() throws Exception {
        UUID family = registeredFamily();
        LocalDate validUntil = LocalDate.now().plusDays(40);
        String insurance = acceptedInsurance(family, validUntil);
        Clock checkDay = Clock.fixed(validUntil.minusDays(5).atTime(3, 15).atZone(ZoneId.systemDefault()).toInstant(),
                ZoneId.systemDefault());
        DailyDossierCheck instanceA = new DailyDossierCheck(checks, checkDay, new ClusterJobs(database, "document-a"));
        DailyDossierCheck instanceB = new DailyDossierCheck(checks, checkDay, new ClusterJobs(database, "document-b"));

        CompletableFuture.allOf(CompletableFuture.runAsync(instanceA::run), CompletableFuture.runAsync(instanceB::run))
                .get();
        // A third firing later that day (an instance whose clock runs late) finds the day done.
        new DailyDossierCheck(checks, checkDay, new ClusterJobs(database, "document-c")).run();

        assertThat(count("""
                SELECT count(*) FROM messaging.outbox_event
                WHERE type = 'document.DocumentExpiringSoon.v1' AND payload->>'documentId' = :id""", insurance))
                .as("DocumentExpiringSoon events for the insurance").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM messaging.job_run WHERE job = '" + DailyDossierCheck.JOB + "' AND slot = :id",
                validUntil.minusDays(5).toString())).isEqualTo(1);
    }

    private UUID registeredFamily() throws InterruptedException {
        UUID family = UUID.randomUUID();
        UUID child = UUID.randomUUID();
        publisher.publish(new FamilyRegistered(family, "Martin", "1 rue des Écoles", "01000", "Bourg", true, true, 800,
                List.of(), List.of(new ChildProfile(child, "Léa", "Martin", LocalDate.of(2018, 4, 2), "École du centre")),
                Instant.now()));
        Instant deadline = Instant.now().plusSeconds(30);
        while (count("SELECT count(*) FROM family_child WHERE child_id = CAST(:id AS uuid)", child.toString()) == 0) {
            assertThat(Instant.now()).as("family projected").isBefore(deadline);
            Thread.sleep(100);
        }
        return family;
    }

    private String acceptedInsurance(UUID family, LocalDate validUntil) throws IOException {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("type", "ASSURANCE_EXTRASCOLAIRE");
        body.part("file", pdf()).filename("assurance.pdf").contentType(MediaType.APPLICATION_OCTET_STREAM);
        String id = web.post().uri("/api/documents").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.parent(family))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        web.post().uri("/api/admin/documents/{id}/review", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("decision", "ACCEPTED", "validUntil", validUntil.toString()))
                .exchange().expectStatus().isOk();
        return id;
    }

    private long count(String sql, String id) {
        return database.sql(sql).bind("id", id).map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
    }

    private static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }
}

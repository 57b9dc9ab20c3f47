package fr.portailfamilles.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import fr.portailfamilles.document.catalogue.domain.SchoolYear;
import fr.portailfamilles.document.config.DemoData;
import fr.portailfamilles.document.dossier.application.DossierChecks;
import fr.portailfamilles.events.Topics;
import fr.portailfamilles.events.account.ChildProfile;
import fr.portailfamilles.events.account.FamilyRegistered;
import fr.portailfamilles.events.account.FamilyUpdated;
import fr.portailfamilles.testsupport.IntegrationTest;
import fr.portailfamilles.testsupport.TestEventPublisher;
import fr.portailfamilles.testsupport.TestTokens;
import fr.portailfamilles.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Uploads of real files, staff review and dossier completeness, over real HTTP, PostgreSQL and Kafka. */
@IntegrationTest
class DocumentUploadIT {

    private static final String PROBLEMS = "https://portail-familles.fr/problems/";
    private static final TestEventPublisher publisher = new TestEventPublisher();

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Autowired
    DossierChecks checks;

    @Autowired
    ApplicationContext context;

    @Value("${portail.documents.storage-dir}")
    Path storageDir;

    @AfterAll
    static void closePublisher() {
        publisher.close();
    }

    @Test
    void whenAParentSendsARealPdfAndARealPngThenTheyArePendingStoredWithTheirChecksumAndAnnounced() throws Exception {
        UUID family = UUID.randomUUID();
        UUID child = registerFamily(family);
        byte[] pdf = pdf();
        byte[] png = png();

        upload(family, "AVIS_IMPOSITION", null, "avis 2024.pdf", pdf)
                .expectStatus().isCreated()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, "/api/documents/[0-9a-f-]{36}")
                .expectBody().jsonPath("$.status").isEqualTo("PENDING");
        String pdfId = latestDocument(family, "AVIS_IMPOSITION");
        upload(family, "VACCINATIONS_ALSH", child, "carnet.png", png)
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("PENDING").jsonPath("$.id").isEqualTo(latestDocument(family, "VACCINATIONS_ALSH"));
        String pngId = latestDocument(family, "VACCINATIONS_ALSH");

        assertThat(row(pdfId, "sha256")).isEqualTo(sha256(pdf));
        assertThat(row(pdfId, "content_type")).isEqualTo("application/pdf");
        assertThat(row(pngId, "content_type")).isEqualTo("image/png");
        assertThat(row(pngId, "child_id")).isEqualTo(child.toString());
        assertThat(Files.readAllBytes(storageDir.resolve(row(pdfId, "storage_key")))).isEqualTo(pdf);

        web.get().uri("/api/documents").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.parent(family))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[*].id").value(List.class, ids -> assertThat(ids).containsExactlyInAnyOrder(pdfId, pngId))
                .jsonPath("$[?(@.id == '" + pdfId + "')].filename").isEqualTo(List.of("avis 2024.pdf"));

        byte[] served = web.get().uri("/api/documents/{id}/content", pdfId)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.parent(family))).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=.*")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(served).isEqualTo(pdf);

        try (TopicProbe probe = new TopicProbe(Topics.DOCUMENT)) {
            var submitted = probe.await(record -> record.value().contains(pngId), Duration.ofSeconds(30));
            assertThat(submitted).hasSize(1);
            assertThat(TopicProbe.header(submitted.get(0), "ce_type")).isEqualTo("document.DocumentSubmitted.v1");
            assertThat(submitted.get(0).key()).isEqualTo(family.toString());
            assertThat(json(submitted.get(0).value()).get("typeCode").asString()).isEqualTo("VACCINATIONS_ALSH");
        }
    }

    @Test
    void whenAFileIsNotAnAcceptedDocumentThenItIsRefusedWithAProblemAndNothingIsStored() throws Exception {
        UUID family = UUID.randomUUID();
        registerFamily(family);
        byte[] pdf = pdf();
        byte[] elf = new byte[4096];
        System.arraycopy(new byte[] { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0 }, 0, elf, 0, 8);
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        byte[] oversize = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(pdf, 0, oversize, 0, pdf.length);
        Set<Path> before = storedFiles();

        refused(family, "a PDF renamed .png", "avis.png", pdf, 415, "content-does-not-match-name");
        refused(family, "an ELF executable renamed .pdf", "avis.pdf", elf, 415, "unsupported-file-type");
        refused(family, "a Windows executable renamed .pdf", "avis.pdf", exe, 415, "unsupported-file-type");
        refused(family, "an empty file", "avis.pdf", new byte[0], 422, "empty-file");
        refused(family, "an oversize file", "avis.pdf", oversize, 413, "file-too-large");
        refused(family, "a truncated PDF", "avis.pdf", Arrays.copyOf(pdf, pdf.length / 2), 422, "malformed-file");
        refused(family, "an encrypted PDF", "avis.pdf", encryptedPdf(), 422, "encrypted-pdf");
        refused(family, "a path-traversal name", "../../etc/passwd.pdf", pdf, 422, "invalid-filename");

        assertThat(count("SELECT count(*) FROM document WHERE family_id = '" + family + "'")).isZero();
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void whenAnotherFamilysDocumentOrChildIsAskedForThenTheAnswerIsNotFoundAndNoContentIsServed() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID ownersChild = registerFamily(owner);
        UUID intruder = UUID.randomUUID();
        registerFamily(intruder);
        upload(owner, "AVIS_IMPOSITION", null, "avis.pdf", pdf()).expectStatus().isCreated();
        String id = latestDocument(owner, "AVIS_IMPOSITION");

        String body = web.get().uri("/api/documents/{id}/content", id)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.parent(intruder))).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain("%PDF").contains(PROBLEMS + "not-found");
        web.get().uri("/api/documents").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.parent(intruder))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);

        Set<Path> before = storedFiles();
        upload(intruder, "VACCINATIONS_ALSH", ownersChild, "carnet.png", png())
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(count("SELECT count(*) FROM document WHERE family_id = '" + intruder + "'")).isZero();
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void whenTheFamilyIsUpdatedThenChildDocumentsAreAskedForItsChildrenOfNowAndAChildMustBeChosen() throws Exception {
        UUID family = UUID.randomUUID();
        UUID former = registerFamily(family);
        UUID newborn = UUID.randomUUID();
        publisher.publish(new FamilyUpdated(family, "Martin", "1 rue des Écoles", "01000", "Bourg", true, true, 800, List.of(),
                List.of(new ChildProfile(newborn, "Tom", "Martin", LocalDate.of(2024, 2, 1), null)), Instant.now()));
        Instant deadline = Instant.now().plusSeconds(30);
        while (count("SELECT count(*) FROM family_child WHERE child_id = '" + newborn + "'") == 0) {
            assertThat(Instant.now()).as("family update projected").isBefore(deadline);
            Thread.sleep(100);
        }
        assertThat(count("SELECT count(*) FROM family_child WHERE child_id = '" + former + "'")).isZero();

        web.get().uri("/api/documents/requirements?dossier=CRECHE")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.parent(family))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.typeCode == 'VACCINATIONS_CRECHE')].childId").isEqualTo(List.of(newborn.toString()))
                .jsonPath("$[?(@.typeCode == 'VACCINATIONS_CRECHE')].childName").isEqualTo(List.of("Tom Martin"))
                .jsonPath("$[?(@.typeCode == 'ASSURANCE_RESPONSABILITE_CIVILE')].status").isEqualTo(List.of("MISSING"))
                // What a parent must know before sending: the guide's explanation, the formats and the size cap.
                .jsonPath("$[?(@.typeCode == 'ASSURANCE_RESPONSABILITE_CIVILE')].hint")
                .isEqualTo(List.of("Responsabilité civile, établie pour l'année scolaire concernée."))
                .jsonPath("$[0].acceptedFormats").isEqualTo(List.of("PDF", "JPEG", "PNG"))
                .jsonPath("$[0].maxSizeBytes").isEqualTo(10 * 1024 * 1024);

        upload(family, "VACCINATIONS_CRECHE", null, "carnet.png", png())
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "child-required");
        upload(family, "VACCINATIONS_CRECHE", former, "carnet.png", png()).expectStatus().isNotFound();
        upload(family, "VACCINATIONS_CRECHE", newborn, "carnet.png", png()).expectStatus().isCreated();
    }

    @Test
    void whenStaffOpenAFamilyThenTheySeeEveryDocumentOfThatFamilyOnlyWhateverItsStatus() throws Exception {
        UUID family = UUID.randomUUID();
        registerFamily(family);
        UUID other = UUID.randomUUID();
        registerFamily(other);
        String avis = submit(family, "AVIS_IMPOSITION", null);
        String domicile = submit(family, "JUSTIFICATIF_DOMICILE", null);
        submit(other, "AVIS_IMPOSITION", null);
        review(domicile, Map.of("decision", "REJECTED", "reason", "Document illisible.")).expectStatus().isOk();

        web.get().uri("/api/admin/documents?familyId={family}", family).header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff()))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[*].id").value(List.class, ids -> assertThat(ids).containsExactlyInAnyOrder(avis, domicile))
                .jsonPath("$[?(@.id == '" + domicile + "')].status").isEqualTo(List.of("REJECTED"))
                .jsonPath("$[?(@.id == '" + domicile + "')].rejectionReason").isEqualTo(List.of("Document illisible."));
        web.get().uri("/api/admin/documents?familyId={family}", family)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.parent(family))).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void whenAParentCallsTheReviewRoutesThenTheAnswerIsForbidden() {
        String parent = bearer(TestTokens.parent(UUID.randomUUID()));
        web.get().uri("/api/admin/documents?status=PENDING").header(HttpHeaders.AUTHORIZATION, parent).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "forbidden");
        web.get().uri("/api/admin/documents/{id}/content", UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, parent)
                .exchange().expectStatus().isForbidden();
        web.post().uri("/api/admin/documents/{id}/review", UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, parent)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", "ACCEPTED"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void whenTheLastRequiredDocumentIsAcceptedThenTheDossierIsCompleteAndOnExpiryItIsNoLonger() throws Exception {
        UUID family = UUID.randomUUID();
        UUID child = registerFamily(family);
        LocalDate today = LocalDate.now();
        String avis = submit(family, "AVIS_IMPOSITION", null);
        String domicile = submit(family, "JUSTIFICATIF_DOMICILE", null);
        String caf = submit(family, "NOTIFICATION_CAF", null);
        String assurance = submit(family, "ASSURANCE_EXTRASCOLAIRE", null);
        String vaccinations = submit(family, "VACCINATIONS_ALSH", child);

        requirement(family, "AVIS_IMPOSITION", "PENDING");
        requirement(family, "JUGEMENT_GARDE", "MISSING");
        web.get().uri("/api/admin/documents?status=PENDING&size=100").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff()))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].id").value(List.class, ids -> assertThat(ids).contains(avis, vaccinations));
        byte[] preview = web.get().uri("/api/admin/documents/{id}/content", avis)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff())).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(preview, 0, 5)).isEqualTo("%PDF-");

        review(vaccinations, Map.of("decision", "REJECTED")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "reason-required");
        review(vaccinations, Map.of("decision", "REJECTED", "reason", "Le carnet est illisible.")).expectStatus().isOk();
        requirement(family, "VACCINATIONS_ALSH", "REJECTED")
                .jsonPath("$[?(@.typeCode == 'VACCINATIONS_ALSH')].reason").isEqualTo(List.of("Le carnet est illisible."));
        review(vaccinations, Map.of("decision", "ACCEPTED")).expectStatus().isEqualTo(409);
        review(avis, Map.of("decision", "ACCEPTED", "validFrom", LocalDate.of(SchoolYear.of(today).startYear() - 1, 6, 1).toString()))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "validity-does-not-fit-rule");

        review(avis, Map.of("decision", "ACCEPTED", "validFrom", LocalDate.of(SchoolYear.of(today).startYear(), 1, 1).toString()))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACCEPTED");
        review(domicile, Map.of("decision", "ACCEPTED", "validFrom", today.minusDays(10).toString())).expectStatus().isOk();
        review(caf, Map.of("decision", "ACCEPTED", "validFrom", today.minusMonths(1).toString())).expectStatus().isOk();
        Object end = review(assurance, Map.of("decision", "ACCEPTED", "validUntil", today.plusDays(40).toString()))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("validUntil");
        LocalDate insuranceEnd = LocalDate.parse(end.toString());
        assertThat(completeness(family, child, "ALSH")).isNull();

        String again = submit(family, "VACCINATIONS_ALSH", child);
        try (TopicProbe probe = new TopicProbe(Topics.DOSSIER)) {
            review(again, Map.of("decision", "ACCEPTED")).expectStatus().isOk();
            var complete = probe.await(dossierEvent(family, child, "ALSH", true), Duration.ofSeconds(30));
            assertThat(complete).hasSize(1);
            assertThat(TopicProbe.header(complete.get(0), "ce_type")).isEqualTo("document.DossierCompletenessChanged.v1");
            assertThat(json(complete.get(0).value()).get("missingTypes").size()).isZero();
            assertThat(probe.await(dossierEvent(family, null, "ALSH", true), Duration.ofSeconds(10))).hasSize(1);
            assertThat(probe.await(dossierEvent(family, null, "CRECHE", true), Duration.ofSeconds(1))).isEmpty();
            requirement(family, "VACCINATIONS_ALSH", "ACCEPTED");

            checks.run(today).block(Duration.ofSeconds(30));
            assertThat(probe.drain(dossierEvent(family, child, "ALSH", true), Duration.ofSeconds(2))).hasSize(1);

            LocalDate dayAfterExpiry = insuranceEnd.plusDays(1);
            try (TopicProbe documents = new TopicProbe(Topics.DOCUMENT)) {
                checks.run(insuranceEnd.minusDays(5)).block(Duration.ofSeconds(30));
                var expiring = documents.await(record -> record.value().contains(assurance)
                        && "document.DocumentExpiringSoon.v1".equals(TopicProbe.header(record, "ce_type")), Duration.ofSeconds(30));
                assertThat(expiring).hasSize(1);
                assertThat(json(expiring.get(0).value()).get("validUntil").asString()).isEqualTo(insuranceEnd.toString());
                var rejected = documents.await(record -> record.value().contains(vaccinations)
                        && "document.DocumentRejected.v1".equals(TopicProbe.header(record, "ce_type")), Duration.ofSeconds(10));
                assertThat(json(rejected.get(0).value()).get("reason").asString()).isEqualTo("Le carnet est illisible.");
                var accepted = documents.await(record -> record.value().contains(assurance)
                        && "document.DocumentAccepted.v1".equals(TopicProbe.header(record, "ce_type")), Duration.ofSeconds(10));
                assertThat(json(accepted.get(0).value()).get("validUntil").asString()).isEqualTo(insuranceEnd.toString());
            }
            checks.run(dayAfterExpiry).block(Duration.ofSeconds(30));
            var incomplete = probe.await(dossierEvent(family, child, "ALSH", false), Duration.ofSeconds(30));
            assertThat(incomplete).hasSize(1);
            assertThat(json(incomplete.get(0).value()).get("missingTypes").toString()).contains("ASSURANCE_EXTRASCOLAIRE");
            assertThat(completeness(family, child, "ALSH")).isFalse();
        }
    }

    // --- helpers

    @Test
    void whenTheDemoRunsThenTheBernardFamilysAlshDossierIsCompletedThroughUploadAndReviewOnceAcrossRestarts() throws Exception {
        UUID family = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000002");
        UUID lina = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000021");
        try (TopicProbe probe = new TopicProbe(Topics.DOSSIER)) {
            DemoData demo = context.getAutowireCapableBeanFactory().createBean(DemoData.class);
            // Started before the family arrives from account-service, as in the local run.
            demo.run(null);
            publisher.publish(new FamilyRegistered(family, "Bernard", "3 place d'Erlon", "51100", "Reims", true, true, 800,
                    List.of(), List.of(new ChildProfile(lina, "Lina", "Bernard", LocalDate.of(2017, 9, 20), "École Jean Macé")),
                    Instant.now()));
            assertThat(probe.await(dossierEvent(family, lina, "ALSH", true), Duration.ofSeconds(60))).hasSize(1);
            demo.stop();
        }
        requirement(family, "AVIS_IMPOSITION", "ACCEPTED");
        requirement(family, "ASSURANCE_EXTRASCOLAIRE", "ACCEPTED");
        requirement(family, "VACCINATIONS_ALSH", "ACCEPTED");
        long sent = count("SELECT count(*) FROM document WHERE family_id = '" + family + "'");
        assertThat(sent).isEqualTo(count("SELECT count(*) FROM document WHERE family_id = '" + family + "' AND status = 'ACCEPTED'"))
                .isEqualTo(5);

        DemoData restarted = context.getAutowireCapableBeanFactory().createBean(DemoData.class);
        restarted.run(null);
        Thread.sleep(2_000);
        restarted.stop();
        assertThat(count("SELECT count(*) FROM document WHERE family_id = '" + family + "'")).isEqualTo(sent);
    }

    private UUID registerFamily(UUID family) throws InterruptedException {
        UUID child = UUID.randomUUID();
        publisher.publish(new FamilyRegistered(family, "Martin", "1 rue des Écoles", "01000", "Bourg", true, true, 800,
                List.of(), List.of(new ChildProfile(child, "Léa", "Martin", LocalDate.of(2018, 4, 2), "École du centre")),
                Instant.now()));
        Instant deadline = Instant.now().plusSeconds(30);
        while (count("SELECT count(*) FROM family_child WHERE child_id = '" + child + "'") == 0) {
            assertThat(Instant.now()).as("family projected").isBefore(deadline);
            Thread.sleep(100);
        }
        return child;
    }

    private String submit(UUID family, String type, UUID child) throws IOException {
        upload(family, type, child, type.toLowerCase() + ".pdf", pdf()).expectStatus().isCreated();
        return latestDocument(family, type);
    }

    private WebTestClient.ResponseSpec upload(UUID family, String type, UUID child, String filename, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("type", type);
        if (child != null) {
            body.part("childId", child.toString());
        }
        body.part("file", content).filename(filename).contentType(MediaType.APPLICATION_OCTET_STREAM);
        return web.post().uri("/api/documents").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.parent(family)))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    private void refused(UUID family, String what, String filename, byte[] content, int status, String type) {
        upload(family, "AVIS_IMPOSITION", null, filename, content)
                .expectStatus().value(actual -> assertThat(actual).as(what).isEqualTo(status))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").value(String.class, actual -> assertThat(actual).as(what).isEqualTo(PROBLEMS + type))
                .jsonPath("$.detail").isNotEmpty();
    }

    private WebTestClient.ResponseSpec review(String id, Map<String, Object> decision) {
        return web.post().uri("/api/admin/documents/{id}/review", id).header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(decision).exchange();
    }

    private WebTestClient.BodyContentSpec requirement(UUID family, String type, String status) {
        return web.get().uri("/api/documents/requirements?dossier=ALSH")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.parent(family))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.typeCode == '" + type + "')].status").isEqualTo(List.of(status));
    }

    private static java.util.function.Predicate<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> dossierEvent(
            UUID family, UUID child, String dossier, boolean complete) {
        return record -> {
            JsonNode event = json(record.value());
            return family.toString().equals(record.key()) && dossier.equals(event.get("dossier").asString())
                    && complete == event.get("complete").asBoolean()
                    && (child == null ? event.get("childId") == null || event.get("childId").isNull()
                            : child.toString().equals(event.get("childId").asString()));
        };
    }

    private Boolean completeness(UUID family, UUID child, String dossier) {
        return database.sql("SELECT complete FROM dossier_completeness WHERE family_id = :f AND child_id = :c AND dossier = :d")
                .bind("f", family).bind("c", child).bind("d", dossier)
                .map(row -> row.get("complete", Boolean.class)).one().block();
    }

    private String latestDocument(UUID family, String type) {
        return database.sql("SELECT id::text AS v FROM document WHERE family_id = :f AND type_code = :t ORDER BY submitted_at DESC LIMIT 1")
                .bind("f", family).bind("t", type).map(row -> row.get("v", String.class)).one().block();
    }

    private String row(String id, String column) {
        return database.sql("SELECT " + column + "::text AS v FROM document WHERE id = '" + id + "'")
                .map(row -> row.get("v", String.class)).one().block();
    }

    private long count(String sql) {
        return database.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    private Set<Path> storedFiles() throws IOException {
        Files.createDirectories(storageDir);
        try (Stream<Path> files = Files.list(storageDir)) {
            return files.collect(Collectors.toSet());
        }
    }

    private static JsonNode json(String value) {
        return JsonMapper.shared().readTree(value);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] encryptedPdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

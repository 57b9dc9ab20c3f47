package fr.portailfamilles.document.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import fr.portailfamilles.events.account.ChildProfile;
import fr.portailfamilles.events.account.FamilyRegistered;
import fr.portailfamilles.testsupport.IntegrationTest;
import fr.portailfamilles.testsupport.TestEventPublisher;
import fr.portailfamilles.testsupport.TestTokens;
import reactor.core.publisher.Flux;

/**
 * Uploads meant to hurt (issue 14, "Uploads"): oversize bodies, PDF bombs, active PDFs, image bombs,
 * photos that tell where they were taken, a family filling the disk. Each is refused with a problem, or
 * stored harmless, and leaves the service answering.
 */
@IntegrationTest
class HostileUploadIT {

    private static final String PROBLEMS = "https://portail-familles.fr/problems/";
    private static final TestEventPublisher publisher = new TestEventPublisher();
    private static final long MB = 1024 * 1024;

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Value("${portail.documents.storage-dir}")
    Path storageDir;

    @Value("${spring.webflux.multipart.file-storage-directory}")
    Path spoolDir;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private Set<Path> spoolBefore = Set.of();

    @AfterAll
    static void closePublisher() {
        publisher.close();
    }

    @Test
    void whenA60MegabytePartStreamsInThenItIsRefused413BeforeItIsSpooledAndNothingIsStored() throws Exception {
        UUID family = registerFamily();
        Set<Path> before = storedFiles();
        spoolBefore = spoolFiles();
        AtomicLong largestSpool = new AtomicLong();
        byte[] chunk = new byte[256 * 1024];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, chunk, 0, 9);
        // 60 MB sent in chunks (no Content-Length); before each chunk, how much the service has spooled so far.
        Flux<DataBuffer> sixtyMegabytes = Flux.range(0, (int) (60 * MB / chunk.length))
                .doOnNext(i -> largestSpool.accumulateAndGet(spooled(), Math::max))
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk.clone()));
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("type", "AVIS_IMPOSITION");
        body.asyncPart("file", sixtyMegabytes, DataBuffer.class).filename("avis.pdf").contentType(MediaType.APPLICATION_PDF);

        web.post().uri("/api/documents").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.parent(family)))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "file-too-large")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("10 Mo"));

        assertThat(largestSpool.get()).as("bytes of the 60 MB part written to the service's disk").isLessThan(12 * MB);
        assertThat(count("SELECT count(*) FROM document WHERE family_id = '" + family + "'")).isZero();
        assertThat(storedFiles()).isEqualTo(before);
        Instant deadline = Instant.now().plusSeconds(10);
        while (spooled() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(spooled()).as("spooled bytes left behind").isZero();
    }

    @Test
    void whenTheRequestSaysItCarries60MegabytesThenItIsRefused413AtOnceUnread() throws Exception {
        UUID family = registerFamily();
        String boundary = "sixty";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nAVIS_IMPOSITION\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"avis.pdf\"\r\nContent-Type: application/pdf\r\n\r\n";

        // Headers announcing 60 MB and the first 64 KB of the body; the answer must come without the rest.
        String answer = RawHttp.exchange(port, "POST /api/documents HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + TestTokens.parent(family) + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                + "Content-Length: " + (60 * MB) + "\r\n\r\n" + head, 64 * 1024);

        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains(PROBLEMS + "request-too-large").contains("10 Mo");
        assertThat(count("SELECT count(*) FROM document WHERE family_id = '" + family + "'")).isZero();
    }

    @Test
    void whenAPdfInflatesToGigabytesOnceOpenedThenItIsRefused422AndTheServiceKeepsAnswering() throws Exception {
        UUID family = registerFamily();
        Set<Path> before = storedFiles();

        refused(family, "avis.pdf", HostileFiles.pdfObjectStreamBomb(3), 422, "pdf-too-complex");
        refused(family, "avis.pdf", HostileFiles.pdfWithoutPageTree(), 422, "malformed-file");

        upload(family, "avis.pdf", pdf()).expectStatus().isCreated();
        assertThat(count("SELECT count(*) FROM document WHERE family_id = '" + family + "'")).isOne();
        assertThat(storedFiles()).hasSize(before.size() + 1);
    }

    @Test
    void whenAPdfCarriesActiveContentThenItIsRefusedWithAFrenchReasonAndAPlainOneIsAccepted() throws Exception {
        UUID family = registerFamily();

        refused(family, "avis.pdf", HostileFiles.pdfWithOpenActionJavaScript(), 422, "active-pdf-content")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("script"));
        refused(family, "avis.pdf", HostileFiles.pdfWithEmbeddedFile(), 422, "active-pdf-content")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("fichier joint"));
        upload(family, "avis.pdf", HostileFiles.pdfOpeningOnFirstPage()).expectStatus().isCreated();
    }

    @Test
    void whenAnImageHeaderAnnounces30000By30000PixelsThenItIsRefused422WithoutDecoding() throws Exception {
        UUID family = registerFamily();

        refused(family, "carnet.png", HostileFiles.pngBomb(30_000, 30_000), 422, "image-too-large")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("pixels"));
        assertThat(count("SELECT count(*) FROM document WHERE family_id = '" + family + "'")).isZero();
    }

    @Test
    void whenAPhotoCarriesExifGpsThenTheStoredFileHasNoGpsNorCameraButKeepsItsOrientation() throws Exception {
        UUID family = registerFamily();
        byte[] photo = HostileFiles.withExifGps(jpeg());
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Exif").contains("Canon");

        upload(family, "photo.jpg", photo).expectStatus().isCreated();

        String id = latest(family);
        byte[] stored = Files.readAllBytes(storageDir.resolve(value("SELECT storage_key AS v FROM document WHERE id = '" + id + "'")));
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("Canon");
        assertThat(gpsIfdPresent(stored)).as("GPS IFD in the stored JPEG").isFalse();
        assertThat(orientation(stored)).as("EXIF orientation kept so staff see the photo upright").isEqualTo(6);
        assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(40);
        assertThat(value("SELECT size_bytes::text AS v FROM document WHERE id = '" + id + "'")).isEqualTo(String.valueOf(stored.length));
        assertThat(value("SELECT sha256 AS v FROM document WHERE id = '" + id + "'")).isEqualTo(sha256(stored));
        byte[] served = web.get().uri("/api/documents/{id}/content", id)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.parent(family))).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(served).isEqualTo(stored);
    }

    @Test
    void whenAFamilysDocumentsReachTheQuotaThenTheNextUploadIsRefusedAndNothingIsStored() throws Exception {
        UUID family = registerFamily();
        // What the family already stored: 199.5 MB of earlier documents (rows only: the quota counts sizes).
        database.sql("""
                INSERT INTO document (family_id, type_code, status, rejection_reason, original_filename, content_type,
                                      size_bytes, sha256, storage_key, submitted_at)
                SELECT :family, 'AVIS_IMPOSITION', 'REJECTED', 'Illisible.', 'avis.pdf', 'application/pdf', 10459545, 'x',
                       gen_random_uuid()::text, now() FROM generate_series(1, 20)""").bind("family", family).then().block();
        Set<Path> before = storedFiles();

        upload(family, "avis.pdf", bigPdf(MB)).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "storage-quota-exceeded")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("200 Mo"));

        assertThat(count("SELECT count(*) FROM document WHERE family_id = '" + family + "'")).isEqualTo(20);
        assertThat(storedFiles()).isEqualTo(before);
        upload(family, "avis.pdf", pdf()).expectStatus().isCreated();
    }

    private WebTestClient.BodyContentSpec refused(UUID family, String filename, byte[] content, int status, String type) {
        return upload(family, filename, content)
                .expectStatus().value(actual -> assertThat(actual).as(filename + " -> " + type).isEqualTo(status))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + type).jsonPath("$.detail").isNotEmpty();
    }

    private WebTestClient.ResponseSpec upload(UUID family, String filename, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("type", "AVIS_IMPOSITION");
        body.part("file", content).filename(filename).contentType(MediaType.APPLICATION_OCTET_STREAM);
        return web.post().uri("/api/documents").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.parent(family)))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    private UUID registerFamily() throws InterruptedException {
        UUID family = UUID.randomUUID();
        UUID child = UUID.randomUUID();
        publisher.publish(new FamilyRegistered(family, "Martin", "1 rue des Écoles", "01000", "Bourg", true, true, 800,
                List.of(), List.of(new ChildProfile(child, "Léa", "Martin", LocalDate.of(2018, 4, 2), "École du centre")),
                Instant.now()));
        Instant deadline = Instant.now().plusSeconds(30);
        while (count("SELECT count(*) FROM family_child WHERE child_id = '" + child + "'") == 0) {
            assertThat(Instant.now()).as("family projected").isBefore(deadline);
            Thread.sleep(100);
        }
        return family;
    }

    /** The largest spool file the multipart reader wrote since the test began (earlier runs' leftovers ignored). */
    private long spooled() {
        return spoolFiles().stream().filter(file -> !spoolBefore.contains(file))
                .mapToLong(file -> file.toFile().length()).max().orElse(0);
    }

    private Set<Path> spoolFiles() {
        try {
            Files.createDirectories(spoolDir);
            try (Stream<Path> files = Files.walk(spoolDir)) {
                return files.filter(Files::isRegularFile).collect(Collectors.toSet());
            }
        }
        catch (IOException ex) {
            return Set.of();
        }
    }

    private Set<Path> storedFiles() throws IOException {
        Files.createDirectories(storageDir);
        try (Stream<Path> files = Files.list(storageDir)) {
            return files.collect(Collectors.toSet());
        }
    }

    private String latest(UUID family) {
        return value("SELECT id::text AS v FROM document WHERE family_id = '" + family + "' ORDER BY submitted_at DESC LIMIT 1");
    }

    private String value(String sql) {
        return database.sql(sql).map(row -> row.get("v", String.class)).one().block();
    }

    private long count(String sql) {
        return database.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    /** Walks the JPEG's APP1 EXIF IFD0 for the GPS pointer tag (0x8825). */
    private static boolean gpsIfdPresent(byte[] jpeg) {
        return exifTag(jpeg, 0x8825) != null;
    }

    private static Integer orientation(byte[] jpeg) {
        return exifTag(jpeg, 0x0112);
    }

    private static Integer exifTag(byte[] jpeg, int wanted) {
        int at = 2;
        while (at + 4 < jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            if (marker == 0xE1 && new String(jpeg, at + 4, 4, StandardCharsets.ISO_8859_1).equals("Exif")) {
                java.nio.ByteBuffer tiff = java.nio.ByteBuffer.wrap(jpeg, at + 10, length - 8).slice();
                tiff.order(tiff.get(0) == 'I' ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
                int ifd = tiff.getInt(4);
                int entries = tiff.getShort(ifd) & 0xFFFF;
                for (int i = 0; i < entries; i++) {
                    int entry = ifd + 2 + 12 * i;
                    if ((tiff.getShort(entry) & 0xFFFF) == wanted) {
                        return (tiff.getShort(entry + 2) & 0xFFFF) == 3 ? tiff.getShort(entry + 8) & 0xFFFF : tiff.getInt(entry + 8);
                    }
                }
                return null;
            }
            if (marker == 0xDA) {
                return null;
            }
            at += 2 + length;
        }
        return null;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A valid PDF of about {@code size} bytes (random bytes in a page stream). */
    static byte[] bigPdf(long size) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            byte[] noise = new byte[(int) size];
            new java.util.Random(7).nextBytes(noise);
            var stream = new org.apache.pdfbox.pdmodel.common.PDStream(document, new ByteArrayInputStream(noise));
            page.getCOSObject().setItem(org.apache.pdfbox.cos.COSName.getPDFName("PieceInfo"), stream);
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, 0x00ff00);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}

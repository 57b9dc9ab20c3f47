package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The staff back office on a phone-sized screen, through the gateway with the demo staff login: the
 * landing page and its counts, an account request approved and another rejected, a document accepted
 * with its pre-filled dates and another rejected — each checked from the family's side — with axe-core
 * on every page. A parent is kept out, by the pages and by the server.
 */
class BrowserStaffIT {

    final WebTestClient gateway = RunningSystem.gateway();
    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void staffLandOnTheBackOfficeWithWhatWaitsAndAParentIsKeptOut() {
        String family = uniqueName();
        submitAccountRequest(family);

        logIn(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
        browser.wait.until(ExpectedConditions.urlContains("/gestion/index.html"));
        browser.wait.until(driver -> driver.findElement(By.id("count-requests")).getText().matches("\\d+"));
        assertThat(Integer.parseInt(browser.driver.findElement(By.id("count-requests")).getText())).isPositive();
        assertThat(browser.driver.findElement(By.id("count-documents")).getText()).matches("\\d+");
        assertNoSeriousAccessibilityViolation();

        String parent = login(RunningSystem.PARENT_EMAIL, RunningSystem.PARENT_PASSWORD);
        for (String adminApi : List.of("/api/admin/account-requests", "/api/admin/documents", "/api/admin/families?q=a",
                "/api/admin/structures")) {
            gateway.get().uri(adminApi).header(HttpHeaders.AUTHORIZATION, "Bearer " + parent)
                    .exchange().expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }

        browser.driver.findElement(By.id("logout")).click();
        browser.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/gestion/")));
        logIn(RunningSystem.PARENT_EMAIL, RunningSystem.PARENT_PASSWORD);
        browser.wait.until(ExpectedConditions.urlContains("espace.html"));
        browser.open("/gestion/demandes.html");
        browser.wait.until(ExpectedConditions.urlContains("/espace.html"));
    }

    @Test
    void staffApproveOneAccountRequestAndRejectAnotherWithAReason() {
        String approved = uniqueName();
        String rejected = uniqueName();
        String approvedId = submitAccountRequest(approved);
        String rejectedId = submitAccountRequest(rejected);
        logIn(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
        browser.wait.until(ExpectedConditions.urlContains("/gestion/index.html"));
        browser.driver.findElement(By.linkText("Demandes de compte")).click();

        openQueueItem("Famille " + approved);
        WebElement detail = browser.driver.findElement(By.id("detail"));
        assertThat(detail.getText()).contains("Paul " + approved, "12 septembre 2017", "École Louis Pasteur",
                approved.toLowerCase() + "@exemple.fr", "5 rue de Vesle");
        assertNoSeriousAccessibilityViolation();
        browser.driver.findElement(By.id("approve")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-done"), "validée"));
        assertThat(browser.driver.findElements(By.xpath(queueButton("Famille " + approved)))).isEmpty();

        openQueueItem("Famille " + rejected);
        browser.driver.findElement(By.id("show-reject")).click();
        browser.driver.findElement(By.id("reject-submit")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reject-error")));
        browser.driver.findElement(By.id("reject-reason")).sendKeys("Domicile hors de la communauté de communes.");
        browser.driver.findElement(By.id("reject-submit")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-done"), "refusée"));

        String staff = login(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
        Map<?, ?> approval = get("/api/admin/account-requests/" + approvedId, staff);
        assertThat(((Map<?, ?>) approval.get("request")).get("status")).isEqualTo("APPROVED");
        Map<?, ?> rejection = get("/api/admin/account-requests/" + rejectedId, staff);
        assertThat(((Map<?, ?>) rejection.get("request")).get("status")).isEqualTo("REJECTED");
        assertThat(rejection.get("rejectionReason")).isEqualTo("Domicile hors de la communauté de communes.");
        Mailbox.await(approved.toLowerCase() + "@exemple.fr", "votre compte est validé");
    }

    @Test
    void staffAcceptADocumentWithThePrefilledDatesAndRejectAWrongOneAndTheFamilySeesBoth() {
        String parent = login(RunningSystem.PARENT_EMAIL, RunningSystem.PARENT_PASSWORD);
        String proofOfAddress = "domicile-" + UUID.randomUUID() + ".pdf";
        String cafNotice = "caf-" + UUID.randomUUID() + ".png";
        upload(parent, "JUSTIFICATIF_DOMICILE", proofOfAddress, onePagePdf());
        upload(parent, "NOTIFICATION_CAF", cafNotice, png());

        logIn(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
        browser.wait.until(ExpectedConditions.urlContains("/gestion/index.html"));
        browser.driver.findElement(By.linkText("Pièces justificatives")).click();

        openQueueItemWith(cafNotice);
        WebElement preview = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview img")));
        browser.wait.until(driver -> ((Number) ((JavascriptExecutor) driver)
                .executeScript("return arguments[0].naturalWidth;", preview)).intValue() > 0);
        assertThat(browser.driver.findElement(By.id("detail-facts")).getText()).contains("Martin");
        assertNoSeriousAccessibilityViolation();
        new Select(browser.driver.findElement(By.id("reject-choice"))).selectByVisibleText("Autre motif (à préciser)");
        browser.driver.findElement(By.id("reject-other")).sendKeys("La notification ne porte pas le nom de la famille.");
        browser.driver.findElement(By.id("reject-submit")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-done"), "refusé"));

        openQueueItemWith(proofOfAddress);
        assertThat(browser.driver.findElement(By.id("valid-from")).getAttribute("value")).isEqualTo(LocalDate.now().toString());
        assertThat(browser.driver.findElement(By.id("rule-hint")).getText()).contains("moins de 3 mois");
        browser.driver.findElement(By.id("accept-submit")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-done"), "accepté"));

        List<?> lines = gateway.get().uri("/api/documents/requirements?dossier=ALSH").header(HttpHeaders.AUTHORIZATION, "Bearer " + parent)
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        assertThat(line(lines, "JUSTIFICATIF_DOMICILE").get("status")).isEqualTo("ACCEPTED");
        assertThat(line(lines, "JUSTIFICATIF_DOMICILE").get("validUntil")).isNotNull();
        assertThat(line(lines, "NOTIFICATION_CAF").get("status")).isEqualTo("REJECTED");
        assertThat(line(lines, "NOTIFICATION_CAF").get("reason")).isEqualTo("La notification ne porte pas le nom de la famille.");
    }

    @Test
    void staffSeeThePlacesOfAPeriodAndMoveItsBookingWindowWhileABadWindowChangesNothing() {
        // The window only moves later: the other journeys book this period at the same time.
        logIn(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
        browser.wait.until(ExpectedConditions.urlContains("/gestion/index.html"));
        browser.driver.findElement(By.linkText("Périodes et places")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("structures"), "Les Petits Loups"));
        Select activity = new Select(browser.driver.findElement(By.id("activity")));
        activity.selectByVisibleText(activity.getOptions().stream().map(WebElement::getText)
                .filter(text -> text.contains("Les Petits Loups") && text.contains("ALSH vacances")).findFirst().orElseThrow());
        browser.wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//ul[@id='periods']//button[normalize-space()=\"Vacances d'été 2027\"]"))).click();
        By fullDay = By.xpath("//tbody[@id='board']/tr[th[normalize-space()='vendredi 9 juillet 2027']]/td[contains(@class, 'full')]");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(fullDay));
        assertThat(browser.driver.findElements(By.xpath("//tbody[@id='board']/tr[th[normalize-space()='mercredi 14 juillet 2027']]"))).isEmpty();
        assertNoSeriousAccessibilityViolation();

        String staff = login(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
        Map<?, ?> before = demoPeriod(staff);
        setValue("closes-at", "2026-01-01T07:00");
        browser.driver.findElement(By.id("window-submit")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-errors"), "ouvrir avant de fermer"));
        assertThat(demoPeriod(staff).get("bookingClosesAt")).isEqualTo(before.get("bookingClosesAt"));

        LocalDateTime later = LocalDateTime.ofInstant(Instant.parse((String) before.get("bookingClosesAt")), ZoneId.systemDefault())
                .plusDays(1).truncatedTo(ChronoUnit.MINUTES);
        setValue("closes-at", later.toString());
        browser.driver.findElement(By.id("window-submit")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("window-done")));
        assertThat(Instant.parse((String) demoPeriod(staff).get("bookingClosesAt")))
                .isEqualTo(later.atZone(ZoneId.systemDefault()).toInstant());
    }

    @Test
    void staffFindAFamilyAndSeeItsParentsChildRecordDocumentsAndThatTheirReadingIsRecorded() {
        logIn(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
        browser.wait.until(ExpectedConditions.urlContains("/gestion/index.html"));
        browser.driver.findElement(By.linkText("Familles")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-q"))).sendKeys("Bernard");
        browser.driver.findElement(By.id("search-submit")).click();
        browser.wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//ul[@id='results']//button[normalize-space()='Famille Bernard']"))).click();

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("family-title"), "Famille Bernard"));
        assertThat(browser.driver.findElement(By.id("family-parents")).getText()).contains("Sophie Bernard", "famille.bernard@exemple.fr");
        assertThat(browser.driver.findElement(By.id("family-children")).getText()).contains("Lina Bernard", "20 septembre 2017");
        browser.driver.findElement(By.xpath("//ul[@id='family-children']//button[contains(., 'Lina')]")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("family-children"), "Allergies"));
        assertThat(browser.driver.findElement(By.id("family-children")).getText())
                .contains("Personnes autorisées à venir le chercher", "École Jean Macé");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("family-documents"), "Avis d'imposition : accepté"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("family-audit"), "fiche consultée par le service"));
        assertNoSeriousAccessibilityViolation();
    }

    @Test
    void staffReadThePriceGridWhileAddingOneAndManagingAgentsIsForAdministratorsOnly() {
        logIn(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
        browser.wait.until(ExpectedConditions.urlContains("/gestion/index.html"));
        browser.driver.findElement(By.linkText("Tarifs")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tariffs"), "Journée"));
        assertThat(browser.driver.findElement(By.id("tariffs")).getText()).contains("€", "et plus");
        assertThat(browser.driver.findElement(By.id("admin-only")).isDisplayed()).isTrue();
        assertThat(browser.driver.findElement(By.id("grid-form")).isDisplayed()).isFalse();
        assertNoSeriousAccessibilityViolation();

        String staff = login(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
        gateway.post().uri("/api/admin/tariffs").header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("structureId", UUID.randomUUID(), "unit", "JOURNEE", "validFrom", LocalDate.now().plusDays(1).toString(),
                        "brackets", List.of(Map.of("qfMin", 0, "priceCents", 900, "mealPriceCents", 300))))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/admin-only");

        browser.open("/gestion/agents.html");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("admin-only")));
        assertThat(browser.driver.findElement(By.id("staff-section")).isDisplayed()).isFalse();
        assertNoSeriousAccessibilityViolation();
        gateway.get().uri("/api/admin/staff").header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
                .exchange().expectStatus().isForbidden();
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1];",
                browser.driver.findElement(By.id(id)), value);
    }

    /** « Vacances d'été 2027 » of the demo, as the admin API answers it now. */
    private Map<?, ?> demoPeriod(String staff) {
        List<?> activities = gateway.get().uri("/api/admin/activities").header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        String activityId = activities.stream().map(Map.class::cast).map(view -> (Map<?, ?>) view.get("activity"))
                .filter(a -> "ALSH vacances".equals(a.get("name"))).map(a -> (String) a.get("id")).findFirst().orElseThrow();
        List<?> periods = gateway.get().uri("/api/admin/activities/{id}/periods", activityId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return periods.stream().map(Map.class::cast).filter(p -> "Vacances d'été 2027".equals(p.get("name"))).findFirst().orElseThrow();
    }

    private void logIn(String email, String password) {
        browser.open("/connexion.html");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
        browser.driver.findElement(By.id("password")).sendKeys(password);
        browser.driver.findElement(By.id("login-submit")).click();
    }

    private static String queueButton(String text) {
        return "//ul[@id='queue']//button[normalize-space()='" + text + "']";
    }

    private void openQueueItem(String text) {
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.xpath(queueButton(text)))).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
    }

    private void openQueueItemWith(String filename) {
        browser.wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//ul[@id='queue']/li[contains(., '" + filename + "')]//button"))).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
    }

    private void assertNoSeriousAccessibilityViolation() {
        assertThat(Axe.seriousViolations(browser.driver)).as("axe-core on %s", browser.driver.getCurrentUrl()).isEmpty();
    }

    private static Map<?, ?> line(List<?> lines, String typeCode) {
        return lines.stream().map(Map.class::cast).filter(line -> typeCode.equals(line.get("typeCode"))).findFirst().orElseThrow();
    }

    /** A family name the queue shows once: letters only, as the form requires. */
    private static String uniqueName() {
        StringBuilder name = new StringBuilder("Staff");
        UUID.randomUUID().toString().chars().filter(Character::isLetterOrDigit).limit(8)
                .forEach(c -> name.append((char) ('a' + Character.digit(c, 16))));
        return name.toString();
    }

    private String submitAccountRequest(String familyName) {
        Map<?, ?> accepted = gateway.post().uri("/api/account-requests").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "family", Map.of("name", familyName, "address", "5 rue de Vesle", "postalCode", "51100", "town", "Reims"),
                        "parents", List.of(Map.of("firstName", "Chloé", "lastName", familyName,
                                "email", familyName.toLowerCase() + "@exemple.fr", "phone", "06 12 12 12 12")),
                        "children", List.of(Map.of("firstName", "Paul", "lastName", familyName, "birthDate", "2017-09-12",
                                "school", "École Louis Pasteur")),
                        "schoolYear", "2026-2027",
                        "dataProcessingConsent", true))
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        return (String) accepted.get("id");
    }

    private void upload(String token, String type, String filename, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("type", type);
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        gateway.post().uri("/api/documents").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange().expectStatus().is2xxSuccessful();
    }

    private String login(String email, String password) {
        Map<?, ?> body = gateway.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("accessToken");
    }

    private Map<?, ?> get(String path, String token) {
        return gateway.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** A 40 × 30 PNG drawn here. */
    private static byte[] png() {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(5, 5, 30, 20);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A real one-page PDF, written by hand with a correct cross-reference table. */
    private static byte[] onePagePdf() {
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}

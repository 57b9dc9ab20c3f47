package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jakarta.mail.internet.MimeMessage;

/**
 * Guide steps 10 and 13 on a phone: « NOUVELLE RESERVATION » → child → period → « Continuer » → two days
 * with their amplitudes (one on the demo's full day, so on the waiting list) → « Valider » → « Confirmer la
 * réservation » → the récapitulatif and the confirmation e-mail; then the loupe → « Modifier / Annuler » →
 * « Continuer » → the green logo → « Valider le planning » → « Confirmer la réservation » → « Terminer » → a red
 * cross and the cancellation e-mail. Refusals are shown with the server's words.
 */
class BrowserReservationIT {

    /** Demo parent whose ALSH dossier document-service's demo data completes. */
    static final String BERNARD_EMAIL = "famille.bernard@exemple.fr";
    static final UUID LINA = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000021");
    /** Demo child of the Martin family, whose dossier is incomplete on purpose. */
    static final UUID JADE = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000012");
    static final UUID SUMMER_2027 = UUID.fromString("5e7a0c1d-0000-4000-8000-000000000201");
    static final UUID PETITS_LOUPS = UUID.fromString("5e7a0c1d-0000-4000-8000-000000000001");

    static final String BOOKING_MAIL = "confirmation de votre réservation";
    static final String CANCELLATION_MAIL = "confirmation de votre annulation";

    static final WebTestClient gateway = RunningSystem.gateway();
    static String bernardToken;

    Browser browser;

    /** The demo documents are accepted once account-service has announced the family: wait until Lina may be booked. */
    @BeforeAll
    static void linaMayBeBooked() {
        bernardToken = login(BERNARD_EMAIL, RunningSystem.PARENT_PASSWORD);
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> calendarDay(LINA, "2027-07-12").get("blocked") == null);
    }

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    private void logIn(String email) {
        browser.open("/connexion.html");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
        browser.driver.findElement(By.id("password")).sendKeys(RunningSystem.PARENT_PASSWORD);
        browser.driver.findElement(By.id("login-submit")).click();
        browser.wait.until(ExpectedConditions.urlContains("espace.html"));
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aParentBooksTwoDaysOneOnTheWaitingListThenCancelsOneAndSeesTheRedCross() {
        logIn(BERNARD_EMAIL);
        clickLink("NOUVELLE RESERVATION");
        chooseChildAndPeriod(LINA);

        assertThat(day("2027-07-14").getText()).contains("Fermé – Fête nationale");
        assertThat(day("2027-07-09").findElement(By.className("day-state")).getText()).isEqualTo("complet – liste d'attente");
        chooseAmplitude("2027-07-08", "JOURNEE_REPAS");
        chooseAmplitude("2027-07-09", "MATIN");
        assertThat(day("2027-07-08").findElement(By.className("day-state")).getText()).isEqualTo("Choisi : Journée avec repas");
        assertThat(day("2027-07-09").findElement(By.className("day-state")).getText()).isEqualTo("Choisi : Matin (liste d'attente)");

        clickButton("Valider");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary-add")));
        assertThat(browser.driver.findElement(By.id("summary-add")).getText())
                .contains("jeudi 8 juillet 2027 – Journée avec repas")
                .contains("vendredi 9 juillet 2027 – Matin (complet : liste d'attente)");
        clickButton("Confirmer la réservation");

        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result-list")));
        String answer = browser.driver.findElement(By.id("result-list")).getText();
        assertThat(answer).contains("Lina, jeudi 8 juillet 2027 – Journée avec repas : Confirmée");
        assertThat(answer).containsPattern("Lina, vendredi 9 juillet 2027 – Matin : En liste d'attente, rang \\d+");
        clickLink("Terminer");

        browser.wait.until(ExpectedConditions.urlContains("reservations.html"));
        WebElement eighth = recapLine("2027-07-08");
        assertThat(browser.driver.findElement(By.cssSelector("#recap h2")).getText())
                .isEqualTo("Lina – Vacances d'été 2027 – Accueil de loisirs Les Petits Loups");
        assertThat(eighth.getText()).contains("jeudi 8 juillet 2027 – Journée avec repas : Confirmée");
        assertThat(eighth.getAttribute("class")).contains("booking-confirmed");
        assertThat(recapLine("2027-07-09").getText()).containsPattern("Matin : En liste d'attente, rang \\d+");

        String booking = Mailbox.text(awaitMail(BOOKING_MAIL, "jeudi 8 juillet 2027"));
        assertThat(booking).contains("Lina, jeudi 8 juillet 2027, journée avec repas : confirmée");
        assertThat(booking).containsPattern("Lina, vendredi 9 juillet 2027, matin sans repas : en liste d'attente \\(rang \\d+\\)");

        // Step 13: the loupe at the end of the line, « Modifier / Annuler », « Continuer ».
        eighth.findElement(By.cssSelector("button[aria-label^='Voir le détail']")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
        assertThat(browser.driver.findElement(By.id("detail-list")).getText()).contains("Journée avec repas").contains("Confirmée");
        clickButton("Modifier / Annuler");
        browser.wait.until(ExpectedConditions.urlContains("modifier=1"));
        browser.wait.until(ExpectedConditions.elementToBeSelected(By.id("child-" + LINA)));
        clickButton("Continuer");

        WebElement greenLogo = browser.wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("li[data-date='2027-07-08'] .booked-toggle")));
        assertThat(greenLogo.getAttribute("aria-pressed")).isEqualTo("false");
        // Its spoken name starts with what it shows (axe's label-content-name-mismatch), then says which day.
        assertThat(greenLogo.getText()).endsWith("Journée avec repas – Confirmée");
        assertThat(greenLogo.getAccessibleName()).startsWith("Journée avec repas – Confirmée").contains("jeudi 8 juillet 2027");
        ParentBrowsing.assertAccessible(browser, "Modifier / Annuler, the green logos");
        greenLogo.click();
        assertThat(greenLogo.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(greenLogo.getText()).contains("À annuler : Journée avec repas");
        assertThat(greenLogo.getAccessibleName()).startsWith("À annuler : Journée avec repas");
        clickButton("Valider le planning");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary-cancel")));
        assertThat(browser.driver.findElement(By.id("summary-cancel")).getText()).contains("jeudi 8 juillet 2027 – Journée avec repas");
        assertThat(browser.driver.findElement(By.id("summary-add-block")).isDisplayed()).isFalse();
        clickButton("Confirmer la réservation");

        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result-list")));
        assertThat(browser.driver.findElement(By.id("result-title")).getText()).isEqualTo("Annulation enregistrée");
        assertThat(browser.driver.findElement(By.id("result-list")).getText())
                .contains("Lina, jeudi 8 juillet 2027 – Journée avec repas : Annulée");
        clickLink("Terminer");

        browser.wait.until(ExpectedConditions.urlContains("reservations.html"));
        WebElement cancelled = recapLine("2027-07-08");
        assertThat(cancelled.getAttribute("class")).contains("booking-cancelled");
        assertThat(cancelled.findElement(By.className("booking-sign")).getText()).isEqualTo("✗");
        assertThat(cancelled.getText()).contains("Annulée");
        assertThat(recapLine("2027-07-09").getText()).contains("En liste d'attente");

        String cancellation = Mailbox.text(awaitMail(CANCELLATION_MAIL, "jeudi 8 juillet 2027"));
        assertThat(cancellation).contains("Lina, jeudi 8 juillet 2027, journée avec repas");
        assertThat(cancellation).doesNotContain("vendredi 9 juillet 2027");
    }

    @Test
    void aChildWhoseDossierIsIncompleteIsToldWhyBeforeChoosingADay() {
        logIn(RunningSystem.PARENT_EMAIL);
        clickLink("NOUVELLE RESERVATION");
        chooseChildAndPeriod(JADE);

        WebElement notice = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("planning-notice")));
        assertThat(notice.getText()).contains("Le dossier ALSH de Jade n'est pas complet").contains("Mes documents");
        assertThat(day("2027-07-12").getText()).contains("Réservation impossible");
        assertThat(browser.driver.findElements(By.cssSelector("#days .day-button"))).isEmpty();
        assertThat(browser.driver.findElement(By.id("planning-submit")).isDisplayed()).isFalse();
    }

    @Test
    void aRefusalFromTheServerIsShownWithItsReasonAndFocused() {
        logIn(BERNARD_EMAIL);
        clickLink("NOUVELLE RESERVATION");
        chooseChildAndPeriod(LINA);
        chooseAmplitude("2027-07-12", "APRES_MIDI_REPAS");
        clickButton("Valider");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary-add")));

        // Meanwhile the same day is booked from another device: the page's calendar is now out of date.
        gateway.post().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + bernardToken)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("childId", LINA, "periodId", SUMMER_2027, "days", List.of(Map.of("date", "2027-07-12", "unit", "MATIN"))))
                .exchange().expectStatus().isCreated();
        clickButton("Confirmer la réservation");

        WebElement errors = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        assertThat(errors.getText()).contains("Cet enfant a déjà une réservation").contains("Mes réservations");
        assertThat(browser.driver.switchTo().activeElement()).isEqualTo(errors);
        assertThat(browser.driver.findElement(By.id("result")).isDisplayed()).isFalse();

        // Back to the calendar, read again: the day shows the other device's booking, no longer a choice.
        clickButton("Revenir au calendrier");
        WebElement booked = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li[data-date='2027-07-12'] .booked-toggle")));
        assertThat(booked.findElement(By.className("booked-text")).getText()).isEqualTo("Matin – Confirmée");
        assertThat(browser.driver.findElement(By.id("planning-count")).getText()).isEmpty();
    }

    @Test
    void aPlaceFreedOnAnOfferActivityIsAcceptedFromTheRecapitulatif() {
        String staff = login(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
        Map<?, ?> activity = staffPost(staff, "/api/admin/activities", Map.ofEntries(Map.entry("structureId", PETITS_LOUPS),
                Map.entry("name", "Mini-camp août 2027"), Map.entry("kind", "ALSH"), Map.entry("minAge", 6), Map.entry("maxAge", 11),
                Map.entry("requiredDossier", "ALSH"), Map.entry("deadlineDays", 2), Map.entry("cutoffTime", "12:00"),
                Map.entry("workingDays", false), Map.entry("lateCancellation", "BILL"), Map.entry("waitlistPolicy", "OFFER"),
                Map.entry("offerHours", 24), Map.entry("ageGroups", List.of(Map.of("label", "6 ans et plus", "minAge", 6, "maxAge", 11,
                        "dailyCapacity", 0)))));
        String activityId = (String) ((Map<?, ?>) activity.get("activity")).get("id");
        String ageGroupId = (String) ((Map<?, ?>) ((List<?>) activity.get("ageGroups")).get(0)).get("id");
        Map<?, ?> period = staffPost(staff, "/api/admin/activities/" + activityId + "/periods", Map.of("name", "Mini-camp août 2027",
                "startDate", "2027-08-02", "endDate", "2027-08-06", "openWeekdays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
                        "FRIDAY"), "closedDates", List.of(), "bookingOpensAt", "2026-01-01T08:00:00Z", "bookingClosesAt", "2027-07-30T10:00:00Z"));
        String periodId = (String) period.get("id");
        // No place yet: Lina waits; then staff open one, which the waiting list offers to her for 24 hours.
        gateway.post().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + bernardToken)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("childId", LINA, "periodId", periodId, "days", List.of(Map.of("date", "2027-08-02", "unit", "JOURNEE"))))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.reservations[0].status").isEqualTo("WAITLISTED");
        gateway.put().uri("/api/admin/periods/" + periodId + "/capacity").header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("date", "2027-08-02", "ageGroupId", ageGroupId, "capacity", 1))
                .exchange().expectStatus().isNoContent();

        logIn(BERNARD_EMAIL);
        browser.open("/reservations.html");
        WebElement offered = recapLine("2027-08-02");
        assertThat(offered.getText()).contains("lundi 2 août 2027 – Journée : Place proposée, à accepter avant le");
        offered.findElement(By.xpath(".//button[normalize-space()='Accepter la place']")).click();
        // The récapitulatif is drawn again after the answer: look the line up afresh until it says so.
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#recap li[data-date='2027-08-02']"),
                "Journée : Confirmée"));
        assertThat(recapLine("2027-08-02").findElements(By.className("offer-answers"))).isEmpty();

        assertThat(Mailbox.text(awaitMail("une place s'est libérée pour Lina", "lundi 2 août 2027"))).contains("Les Petits Loups");
    }

    private void chooseChildAndPeriod(UUID child) {
        browser.wait.until(ExpectedConditions.urlContains("reservation.html"));
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("label[for='child-" + child + "']"))).click();
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("label[for='period-" + SUMMER_2027 + "']"))).click();
        clickButton("Continuer");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("planning-title")));
        browser.wait.until(driver -> !driver.findElements(By.cssSelector("#days li.day")).isEmpty());
    }

    /** Clicks the date, then the amplitude's label, as a parent does. */
    private void chooseAmplitude(String date, String unit) {
        day(date).findElement(By.className("day-button")).click();
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("label[for='unit-" + date + "-" + unit + "']"))).click();
    }

    private WebElement day(String date) {
        return browser.driver.findElement(By.cssSelector("#days li[data-date='" + date + "']"));
    }

    private WebElement recapLine(String date) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#recap li[data-date='" + date + "']")));
    }

    private void clickButton(String label) {
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()=\"" + label + "\"]"))).click();
    }

    private void clickLink(String label) {
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.linkText(label))).click();
    }

    /** The e-mail with that subject that mentions that day (other journeys may have e-mailed the same family). */
    private static MimeMessage awaitMail(String subject, String mentioning) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.to(BERNARD_EMAIL).stream()
                        .filter(message -> subjectOf(message).contains(subject) && Mailbox.text(message).contains(mentioning))
                        .reduce((first, second) -> second),
                found -> found.isPresent()).orElseThrow();
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (jakarta.mail.MessagingException ex) {
            return "";
        }
    }

    private static Map<?, ?> calendarDay(UUID child, String date) {
        Map<?, ?> calendar = gateway.get().uri("/api/periods/{period}/calendar?childId={child}", SUMMER_2027, child)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bernardToken)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) calendar.get("days")).stream().map(Map.class::cast).filter(day -> date.equals(day.get("date")))
                .findFirst().orElseThrow();
    }

    private static Map<?, ?> staffPost(String staffToken, String uri, Map<String, ?> body) {
        return gateway.post().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + staffToken).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static String login(String email, String password) {
        Map<?, ?> body = gateway.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("accessToken");
    }
}

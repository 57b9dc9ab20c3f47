package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;


/**
 * The waiting room of an opening, on a phone: a parent who chooses a period whose room is on is sent to the waiting
 * page, which says when bookings open and that arriving early does not matter; at the opening the parent is admitted
 * and taken back to booking, which goes through with the admission pass. Without a pass the same booking is refused.
 */
class BrowserWaitingRoomIT {

    static final String BERNARD_EMAIL = "famille.bernard@exemple.fr";
    static final UUID LINA = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000021");
    static final UUID SUMMER_2027 = UUID.fromString("5e7a0c1d-0000-4000-8000-000000000201");
    /** The demo's « ALSH vacances » at Les Petits Loups. */
    static final UUID ALSH_VACANCES = UUID.fromString("5e7a0c1d-0000-4000-8000-000000000101");
    static final DateTimeFormatter PARIS = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));

    static final WebTestClient gateway = RunningSystem.gateway();
    static String bernardToken;

    Browser browser;

    /**
     * Lina may be booked once the demo documents reached reservation-service: some summer day is open to her (not
     * one day in particular: BrowserReservationIT, run before or after, books and cancels 12 July).
     */
    @BeforeAll
    static void linaMayBeBooked() {
        bernardToken = login(BERNARD_EMAIL, RunningSystem.PARENT_PASSWORD);
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    Map<?, ?> calendar = gateway.get().uri("/api/periods/{period}/calendar?childId={child}", SUMMER_2027, LINA)
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + bernardToken).exchange().expectStatus().isOk()
                            .expectBody(Map.class).returnResult().getResponseBody();
                    return ((List<?>) calendar.get("days")).stream().map(Map.class::cast)
                            .anyMatch(day -> day.get("blocked") == null);
                });
    }

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aParentWaitsForTheOpeningIsAdmittedAndBooksWithThePass() {
        // Far enough ahead for a slow machine to log in and reach the waiting page before the opening.
        Instant opensAt = Instant.now().plusSeconds(150).truncatedTo(ChronoUnit.SECONDS);
        String periodId = periodWithWaitingRoom(opensAt);

        logIn();
        browser.open("/reservation.html");
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("label[for='child-" + LINA + "']"))).click();
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("label[for='period-" + periodId + "']"))).click();
        clickButton("Continuer");

        // The room is on and the opening not reached: the waiting page, which says when and why arriving early does not matter.
        browser.wait.until(ExpectedConditions.urlContains("salle-attente.html"));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("before-opening")));
        assertThat(browser.driver.findElement(By.id("opens-at")).getText())
                .isEqualTo("Les réservations ouvrent le " + PARIS.format(opensAt) + ".");
        assertThat(browser.driver.findElement(By.id("before-opening")).getText())
                .contains("Inutile d'arriver en avance").contains("tiré au sort");
        assertThat(browser.driver.findElement(By.id("room-status")).getText()).contains("pas encore ouvertes");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("room-period"), "Vacances d'hiver 2028"));
        assertAccessibleAtPhoneWidth();

        // At the opening the page notices by itself, gets the pass and goes on to booking.
        new WebDriverWait(browser.driver, Duration.ofSeconds(300)).until(ExpectedConditions.urlContains("reservation.html"));
        assertThat(Instant.now()).isAfterOrEqualTo(opensAt);
        browser.wait.until(ExpectedConditions.elementToBeSelected(By.id("period-" + periodId)));
        browser.wait.until(ExpectedConditions.elementToBeSelected(By.id("child-" + LINA)));
        clickButton("Continuer");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("planning-title")));
        browser.wait.until(driver -> !driver.findElements(By.cssSelector("#days li.day")).isEmpty());
        browser.driver.findElement(By.cssSelector("#days li[data-date='2028-02-15'] .day-button")).click();
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("label[for='unit-2028-02-15-JOURNEE']"))).click();
        clickButton("Valider");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary-add")));
        clickButton("Confirmer la réservation");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result-list")));
        assertThat(browser.driver.findElement(By.id("result-list")).getText()).contains("Lina, mardi 15 février 2028 – Journée : Confirmée");

        // The same family booking without the pass (another day) while the room admits: refused, nothing booked.
        gateway.post().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + bernardToken)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("childId", LINA, "periodId", periodId, "days", List.of(Map.of("date", "2028-02-16", "unit", "JOURNEE"))))
                .exchange().expectStatus().isForbidden().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/admission-pass-required");
        List<?> booked = gateway.get().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + bernardToken).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        assertThat(booked.stream().map(Map.class::cast).filter(line -> periodId.equals(line.get("periodId"))).map(line -> line.get("date")))
                .containsExactly("2028-02-15");
    }

    /** « Vacances d'hiver 2028 » of the demo activity, its waiting room on, opening at {@code opensAt}. */
    private static String periodWithWaitingRoom(Instant opensAt) {
        String staff = login(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
        Map<?, ?> period = gateway.post().uri("/api/admin/activities/" + ALSH_VACANCES + "/periods")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Vacances d'hiver 2028", "startDate", "2028-02-14", "endDate", "2028-02-18",
                        "openWeekdays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "closedDates", List.of(),
                        "bookingOpensAt", opensAt.toString(), "bookingClosesAt", "2028-02-01T11:00:00Z",
                        "waitingRoom", Map.of("enabled", true, "paceLimitPerMinute", 60)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) period.get("waitingRoom")).get("enabled")).isEqualTo(true);
        return (String) period.get("id");
    }

    private void assertAccessibleAtPhoneWidth() {
        assertThat(Axe.seriousViolations(browser.driver)).as("axe-core, serious and critical").isEmpty();
        Object width = ((JavascriptExecutor) browser.driver).executeScript("return document.documentElement.scrollWidth;");
        assertThat(((Number) width).intValue()).as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(360);
    }

    private void logIn() {
        browser.open("/connexion.html");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(BERNARD_EMAIL);
        browser.driver.findElement(By.id("password")).sendKeys(RunningSystem.PARENT_PASSWORD);
        browser.driver.findElement(By.id("login-submit")).click();
        browser.wait.until(ExpectedConditions.urlContains("espace.html"));
    }

    private void clickButton(String label) {
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()=\"" + label + "\"]"))).click();
    }

    private static String login(String email, String password) {
        Map<?, ?> body = gateway.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("accessToken");
    }
}

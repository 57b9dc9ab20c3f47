package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * « Réservations pour une famille » and « Présences » on a phone-sized screen with the demo staff login, through
 * the gateway: from the Bernard family's page staff book Lina (refused without a reason, then with one); she is on
 * Les Petits Loups' list for the day, by surname, with her amplitude, meal and the record's health and pick-up
 * columns; marked late without a time she is refused, with 09:40 she is saved, still marked after a reload and in
 * the CSV export; cancelled from the family's page with a reason, she leaves the list and the parent sees the
 * cancellation. axe-core on each page, no horizontal scrolling at 360 px.
 */
class BrowserStaffAttendanceIT {

    static final UUID LINA = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000021");
    static final UUID SUMMER_2027 = UUID.fromString("5e7a0c1d-0000-4000-8000-000000000201");
    static final String PETITS_LOUPS = "5e7a0c1d-0000-4000-8000-000000000001";
    /** A day no other journey books. */
    static final String DAY = "2027-07-28";

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
    void staffBookAChildForHerFamilyMarkHerLateWithTheTimeExportTheListThenCancelForTheFamily() {
        String bernard = login("famille.bernard@exemple.fr", RunningSystem.PARENT_PASSWORD);
        // Lina's dossier reaches reservation-service through events: bookable once the calendar no longer blocks her.
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> calendarDay(bernard).get("blocked") == null);

        logIn();
        openBernardFamily();
        new Select(browser.driver.findElement(By.id("book-child"))).selectByVisibleText("Lina Bernard");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("book-period"), "Vacances d'été 2027"));
        new Select(browser.driver.findElement(By.id("book-period"))).selectByValue(SUMMER_2027.toString());
        setValue("book-date", DAY);
        new Select(browser.driver.findElement(By.id("book-unit"))).selectByValue("JOURNEE_REPAS");
        browser.driver.findElement(By.id("book-submit")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        browser.driver.findElement(By.id("book-reason")).sendKeys("Demande de la maman au guichet");
        browser.driver.findElement(By.id("book-submit")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("book-done"),
                "mercredi 28 juillet 2027 – Journée avec repas : confirmée"));
        By familyLine = By.xpath("//tbody[@id='family-reservations']/tr[th[normalize-space()='mercredi 28 juillet 2027']]");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(familyLine, "par le service"));
        assertNoSeriousAccessibilityViolation();
        String reservation = reservationOn(bernard, "CONFIRMED");

        browser.open("/gestion/index.html");
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Présences"))).click();
        showDay();
        By row = By.xpath("//tbody[@id='attendance']/tr[th[normalize-space()='BERNARD Lina']]");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(browser.driver.findElement(row).getText()).contains("Journée avec repas", "Oui");
        // Health and pick-ups come from the child's record: loaded, not left at "…".
        browser.wait.until(driver -> !driver.findElement(row).findElements(By.tagName("td")).get(2).getText().equals("…"));
        assertNoSeriousAccessibilityViolation();
        assertThat(fitsThePhone()).as("no horizontal scrolling at 360 px").isTrue();

        new Select(browser.driver.findElement(By.id("mark-" + reservation))).selectByVisibleText("En retard");
        browser.driver.findElement(By.id("save-" + reservation)).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-error"), "heure d'arrivée"));
        setValue("time-" + reservation, "09:40");
        browser.driver.findElement(By.id("save-" + reservation)).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-done"),
                "Pointage enregistré : Lina Bernard, en retard à 09:40."));

        browser.open("/gestion/presences.html?lieu=" + PETITS_LOUPS + "&jour=" + DAY);
        showDay();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mark-" + reservation)));
        assertThat(new Select(browser.driver.findElement(By.id("mark-" + reservation))).getFirstSelectedOption().getText()).isEqualTo("En retard");
        assertThat(browser.driver.findElement(By.id("time-" + reservation)).getAttribute("value")).isEqualTo("09:40");
        String csv = gateway.get().uri(browser.driver.findElement(By.id("csv")).getAttribute("href"))
                .header(HttpHeaders.COOKIE, sessionCookies())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).contains(DAY + ";Bernard;Lina;JOURNEE_REPAS;oui;LATE;09:40;" + reservation);

        openBernardFamily();
        browser.wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//tbody[@id='family-reservations']//button[@aria-label='Annuler : Lina, mercredi 28 juillet 2027 – Journée avec repas']")))
                .click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cancel-reason"))).sendKeys("Enfant malade, appel de la maman");
        browser.driver.findElement(By.id("cancel-submit")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("book-done"), "Annulation enregistrée"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(familyLine, "annulée"));
        assertThat(reservationOn(bernard, "CANCELLED")).isEqualTo(reservation);

        browser.open("/gestion/presences.html?lieu=" + PETITS_LOUPS + "&jour=" + DAY);
        showDay();
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
    }

    private void openBernardFamily() {
        browser.open("/gestion/familles.html");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-q"))).sendKeys("Bernard");
        browser.driver.findElement(By.id("search-submit")).click();
        browser.wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//ul[@id='results']//button[normalize-space()='Famille Bernard']"))).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("family-title"), "Famille Bernard"));
    }

    /** Lina's reservation on the day, as the parent's own list shows it. */
    private String reservationOn(String bernard, String status) {
        List<?> list = gateway.get().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + bernard)
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return list.stream().map(Map.class::cast)
                .filter(r -> DAY.equals(r.get("date")) && LINA.toString().equals(r.get("childId")) && status.equals(r.get("status")))
                .map(r -> (String) r.get("id")).findFirst().orElseThrow();
    }

    private Map<?, ?> calendarDay(String bernard) {
        Map<?, ?> calendar = gateway.get().uri("/api/periods/{period}/calendar?childId={child}", SUMMER_2027, LINA)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bernard)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) calendar.get("days")).stream().map(Map.class::cast).filter(day -> DAY.equals(day.get("date")))
                .findFirst().orElseThrow();
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1];", browser.driver.findElement(By.id(id)), value);
    }

    private void showDay() {
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("structure"), "Les Petits Loups"));
        new Select(browser.driver.findElement(By.id("structure"))).selectByValue(PETITS_LOUPS);
        setValue("day", DAY);
        browser.driver.findElement(By.id("day-submit")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list-title"), "mercredi 28 juillet 2027"));
    }

    private String login(String email, String password) {
        return RunningSystem.token(email, password);
    }

    private void logIn() {
        browser.logIn(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
        browser.wait.until(ExpectedConditions.urlContains("/gestion/index.html"));
    }

    private String sessionCookies() {
        return String.join("; ", browser.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).toList());
    }

    private boolean fitsThePhone() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver)
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"));
    }

    private void assertNoSeriousAccessibilityViolation() {
        assertThat(Axe.seriousViolations(browser.driver)).as("axe-core on %s", browser.driver.getCurrentUrl()).isEmpty();
    }
}

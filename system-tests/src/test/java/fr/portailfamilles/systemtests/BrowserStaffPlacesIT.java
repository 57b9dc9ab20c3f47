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
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * « Tableau des places » on a phone-sized screen with the demo staff login, through the gateway: the summer
 * period's board shows the full day; a booking made meanwhile (by the service for Lina Bernard) appears on the
 * open page by itself, and its cancellation too; the refresh can be paused. axe-core, no horizontal scrolling.
 */
class BrowserStaffPlacesIT {

    static final UUID BERNARD = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000002");
    static final UUID LINA = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000021");
    static final UUID SUMMER_2027 = UUID.fromString("5e7a0c1d-0000-4000-8000-000000000201");
    static final String SIX_AND_OVER = "5e7a0c1d-0000-4000-8000-000000000112";
    /** A day no other journey books. */
    static final String DAY = "2027-07-27";

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
    void theBoardFollowsABookingAndItsCancellationWithoutReloading() {
        String staff = login();
        browser.logIn(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
        browser.wait.until(ExpectedConditions.urlContains("/gestion/index.html"));
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Tableau des places"))).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("period"), "Vacances d'été 2027"));
        new Select(browser.driver.findElement(By.id("period"))).selectByValue(SUMMER_2027.toString());

        By fullDay = By.xpath("//tbody[@id='board']/tr[th[normalize-space()='vendredi 9 juillet 2027']]/td[contains(., '(complet)')]");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(fullDay));
        By row = By.cssSelector("#board tr[data-day='" + DAY + "'][data-group='" + SIX_AND_OVER + "']");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        String before = morning();
        int booked = Integer.parseInt(before.substring(0, before.indexOf(' ')));
        assertThat(Axe.seriousViolations(browser.driver)).as("axe-core on %s", browser.driver.getCurrentUrl()).isEmpty();
        assertThat(((JavascriptExecutor) browser.driver).executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
                .as("no horizontal scrolling at 360 px").isEqualTo(true);

        String reservation = bookOnBehalf(staff);
        browser.wait.until(driver -> morning().startsWith((booked + 1) + " / "));
        gateway.post().uri("/api/admin/reservations/{id}/cancellation", reservation).header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Réservation de contrôle du tableau"))
                .exchange().expectStatus().isOk();
        browser.wait.until(driver -> morning().startsWith(booked + " / "));

        browser.driver.findElement(By.id("pause")).click();
        assertThat(browser.driver.findElement(By.id("pause")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.driver.findElement(By.id("pause")).getText()).isEqualTo("Reprendre l'actualisation");
    }

    /** The day's morning cell (booked / places), read in one go: the board is redrawn every few seconds. */
    private String morning() {
        Object text = ((JavascriptExecutor) browser.driver).executeScript(
                "var row = document.querySelector(\"#board tr[data-day='" + DAY + "'][data-group='" + SIX_AND_OVER + "']\");"
                        + " return row ? row.cells[2].textContent : '';");
        return String.valueOf(text);
    }

    private String bookOnBehalf(String staff) {
        Map<?, ?> answer = Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> gateway.post().uri("/api/admin/families/{id}/reservations", BERNARD)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff).header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("periodId", SUMMER_2027, "reason", "Réservation de contrôle du tableau",
                                "lines", List.of(Map.of("childId", LINA, "date", DAY, "unit", "JOURNEE"))))
                        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody(), body -> body != null);
        Map<?, ?> line = (Map<?, ?>) ((List<?>) answer.get("reservations")).get(0);
        assertThat(line.get("status")).isEqualTo("CONFIRMED");
        return (String) line.get("id");
    }

    private String login() {
        return RunningSystem.token(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
    }
}

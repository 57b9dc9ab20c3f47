package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * « Facturation » on a phone-sized screen with the demo staff login, through the gateway: the demo's month
 * to invoice (May 2026, Lina Bernard's days) is run and the report says what it invoiced and what it left
 * out; the invoice is found by month and family, opened, and paid by cheque at the counter (refused first
 * without the cheque's number); the Bernard parent's « Mes factures » then shows it « Payée ». axe-core on
 * the page, and no horizontal scrolling at 360 px.
 */
class BrowserStaffBillingIT {

    static final String BERNARD_EMAIL = "famille.bernard@exemple.fr";

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
    void staffInvoiceTheDemoMonthThenACounterPaymentMarksTheParentsInvoicePaid() {
        logIn(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
        browser.wait.until(ExpectedConditions.urlContains("/gestion/index.html"));
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Facturation"))).click();

        WebElement month = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("run-month")));
        month.clear();
        month.sendKeys("2026-05");
        browser.driver.findElement(By.id("run-submit")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("run-report")));
        assertThat(browser.driver.findElement(By.id("run-summary")).getText())
                .contains("mai 2026 : 1 facture(s) émise(s) pour 38,70 €", "Réservations reçues par la facturation jusqu'au");
        assertThat(browser.driver.findElement(By.id("run-left-out")).getText()).contains("annulation(s) sans frais du mois");
        assertNoSeriousAccessibilityViolation();
        assertThat(fitsThePhone()).as("no horizontal scrolling at 360 px").isTrue();

        WebElement family = browser.driver.findElement(By.id("filter-family"));
        family.sendKeys("bernard");
        browser.driver.findElement(By.id("filter-submit")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("totals"), "1 facture(s) : 38,70 €"));
        Map<?, ?> invoice = mayInvoice();
        String number = (String) invoice.get("number");
        browser.wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//tbody[@id='invoices']//button[normalize-space()='" + number + "']"))).click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("detail-title"), "Facture " + number));
        assertThat(browser.driver.findElement(By.id("detail-lines")).getText()).contains("mercredi 13 mai 2026", "Lina", "17,50 €");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-payments"), "Aucun paiement."));

        new Select(browser.driver.findElement(By.id("pay-method"))).selectByVisibleText("Chèque");
        browser.driver.findElement(By.id("pay-submit")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pay-error"), "numéro du chèque"));
        browser.driver.findElement(By.id("pay-reference")).sendKeys("CHQ 4521");
        browser.driver.findElement(By.id("pay-submit")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-done"), "La facture est payée"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-payments"), "38,70 € chèque : payé (n° CHQ 4521)"));
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("pay-form")));
        assertNoSeriousAccessibilityViolation();
        assertThat(fitsThePhone()).as("no horizontal scrolling at 360 px").isTrue();

        browser.driver.findElement(By.id("logout")).click();
        browser.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/gestion/")));
        logIn(BERNARD_EMAIL, RunningSystem.PARENT_PASSWORD);
        browser.wait.until(ExpectedConditions.urlContains("espace.html"));
        browser.open("/factures.html");
        WebElement line = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#invoices li[data-invoice='" + invoice.get("id") + "']")));
        assertThat(line.findElement(By.className("invoice-status")).getText()).startsWith("Payée le");
    }

    /** The May 2026 invoice of the Bernard family, through the staff API. */
    private Map<?, ?> mayInvoice() {
        String staff = RunningSystem.token(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
        Map<?, ?> list = gateway.get().uri("/api/admin/invoices?month=2026-05&family=Bernard")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<?> invoices = (List<?>) list.get("invoices");
        assertThat(invoices).hasSize(1);
        return (Map<?, ?>) invoices.get(0);
    }

    private void logIn(String email, String password) {
        browser.logIn(email, password);
    }

    private boolean fitsThePhone() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver)
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"));
    }

    private void assertNoSeriousAccessibilityViolation() {
        assertThat(Axe.seriousViolations(browser.driver)).as("axe-core on %s", browser.driver.getCurrentUrl()).isEmpty();
    }
}

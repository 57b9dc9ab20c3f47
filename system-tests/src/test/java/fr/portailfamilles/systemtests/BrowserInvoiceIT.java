package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Guide step 16, « PAIEMENT D'UNE FACTURE », on a phone: « Mes factures » → the loupe → the invoice's lines, total
 * and PDF → « Payer en ligne » → « Payer cette facture » → « Accéder au paiement » → the payment service (billing's
 * built-in simulator) refuses, back on the portal the invoice is still to pay; paid the second time, it is « Payée ».
 * Another family's invoice opened through the page's address is not found.
 */
class BrowserInvoiceIT {

    static final String BERNARD_EMAIL = "famille.bernard@exemple.fr";
    static final String PETITS_LOUPS = "Accueil de loisirs Les Petits Loups";

    static final WebTestClient gateway = RunningSystem.gateway();
    /** billing-service's demo invoice: the Bernard family's June 2026 at Les Petits Loups, issued and unpaid. */
    static Map<?, ?> juneInvoice;

    Browser browser;

    @BeforeAll
    static void theDemoInvoiceIsIssued() {
        String token = login(BERNARD_EMAIL);
        juneInvoice = Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> gateway.get().uri("/api/invoices").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .exchange().expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody().stream()
                        .filter(invoice -> "2026-06".equals(invoice.get("month")) && PETITS_LOUPS.equals(invoice.get("structureName")))
                        .findFirst(), found -> found.isPresent())
                .orElseThrow();
        assertThat(juneInvoice.get("status")).isEqualTo("ISSUED");
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
    void aParentSeesTheInvoiceDownloadsItsPdfIsRefusedOnceThenPaysOnline() {
        String number = (String) juneInvoice.get("number");
        logIn(BERNARD_EMAIL);
        clickLink("Mes factures");
        browser.wait.until(ExpectedConditions.urlContains("factures.html"));

        WebElement line = invoiceLine();
        assertThat(line.getText()).contains("Facture " + number + " – juin 2026").contains(PETITS_LOUPS).contains("54,40 €")
                .containsPattern("À payer (avant le|, échéance du) \\d{1,2} \\p{L}+ \\d{4}");
        assertThat(fitsThePhone()).as("no horizontal scrolling at 360 px").isTrue();

        // The loupe: the lines, the total, the question to the structure within 10 days, the PDF.
        openDetail(line, number);
        String lines = browser.driver.findElement(By.id("detail-lines")).getText();
        assertThat(lines).contains("Lina, mercredi 3 juin 2026 – Journée avec repas").contains("Lina, mercredi 10 juin 2026")
                .contains("Lina, mercredi 17 juin 2026 – Matin").contains("Lina, mercredi 24 juin 2026 – Après-midi avec repas");
        assertThat(browser.driver.findElements(By.cssSelector("#detail-lines li"))).hasSize(4);
        assertThat(browser.driver.findElement(By.id("detail-total")).getText()).isEqualTo("Total : 54,40 €");
        assertThat(browser.driver.findElement(By.id("detail-contest")).getText())
                .contains("adressez un mail directement à " + PETITS_LOUPS + " dans les 10 jours")
                .containsPattern("Contestation possible jusqu'au \\d{1,2} \\p{L}+ \\d{4}");
        WebElement pdfLink = browser.driver.findElement(By.linkText("Télécharger la facture (PDF)"));
        EntityExchangeResult<byte[]> pdf = gateway.get().uri(pdfLink.getDomAttribute("href"))
                .header(HttpHeaders.COOKIE, sessionCookies())
                .exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"facture-" + number + ".pdf\"")
                .expectBody(byte[].class).returnResult();
        assertThat(new String(Arrays.copyOf(pdf.getResponseBody(), 5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // First attempt: the payment service refuses.
        payThroughTheSimulator("R");
        WebElement refused = outcome("Paiement refusé");
        assertThat(refused.getText()).contains("Le paiement a été refusé : la facture " + number + " (54,40 €) reste à payer");
        assertThat(invoiceLine().findElement(By.className("invoice-status")).getText()).startsWith("À payer");

        // Second attempt, a new payment: accepted.
        openDetail(invoiceLine(), number);
        payThroughTheSimulator("P");
        WebElement accepted = outcome("Paiement accepté");
        assertThat(accepted.getText()).contains("La facture " + number + " (54,40 €) est payée.");
        assertThat(invoiceLine().findElement(By.className("invoice-status")).getText()).startsWith("Payée le");
        assertThat(invoiceLine().getAttribute("class")).contains("invoice-paid");

        // Paid: nothing more to pay, the PDF is still there.
        openDetail(invoiceLine(), number);
        assertThat(browser.driver.findElement(By.id("detail-pay")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.linkText("Télécharger la facture (PDF)")).isDisplayed()).isTrue();
    }

    @Test
    void anotherFamilysInvoiceOpenedThroughTheAddressIsNotFound() {
        logIn(RunningSystem.PARENT_EMAIL);
        browser.open("/factures.html?facture=" + juneInvoice.get("id"));

        WebElement errors = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        assertThat(errors.getText()).contains("Facture introuvable");
        assertThat(browser.driver.findElement(By.id("detail")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.id("invoices-empty")).getText()).isEqualTo("Vous n'avez pas encore de facture.");
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).doesNotContain((String) juneInvoice.get("number"));
    }

    /** From the open detail: « Payer en ligne » → « Payer cette facture » → « Accéder au paiement » → the result's button. */
    private void payThroughTheSimulator(String resultCode) {
        // The guide's advice is read before « Payer en ligne », not after.
        assertThat(browser.driver.findElement(By.id("detail-advice")).getText())
                .contains("à privilégier depuis un ordinateur plutôt qu'un téléphone portable");
        clickButton("Payer en ligne");
        WebElement panel = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pay")));
        assertThat(panel.findElement(By.id("pay-title")).getText()).isEqualTo("Paiement en ligne");
        assertThat(panel.getText()).contains((String) juneInvoice.get("number")).contains("Montant à payer").contains("54,40 €")
                .contains("à privilégier depuis un ordinateur plutôt qu'un téléphone portable");
        clickButton("Payer cette facture");
        assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pay-leaving"))).getText())
                .contains("Vous allez quitter le portail");
        clickButton("Accéder au paiement");

        browser.wait.until(ExpectedConditions.urlContains("/api/payments/simulator/"));
        assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains((String) juneInvoice.get("number"))
                .contains("54,40 €");
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[value='" + resultCode + "']"))).click();
        browser.wait.until(ExpectedConditions.urlContains("factures.html"));
    }

    private WebElement outcome(String title) {
        By message = By.cssSelector("#payment-outcome[role='status'] .message");
        browser.wait.until(driver -> !driver.findElements(message).isEmpty()
                && driver.findElement(message).getText().contains(title));
        return browser.driver.findElement(message);
    }

    private void openDetail(WebElement line, String number) {
        WebElement loupe = line.findElement(By.cssSelector("button.loupe"));
        assertThat(loupe.getAccessibleName()).startsWith("Voir la facture " + number);
        loupe.click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
        browser.wait.until(ExpectedConditions.textToBe(By.id("detail-title"), "Facture " + number));
    }

    private WebElement invoiceLine() {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#invoices li[data-invoice='" + juneInvoice.get("id") + "']")));
    }

    private boolean fitsThePhone() {
        Object fits = ((JavascriptExecutor) browser.driver)
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
        return Boolean.TRUE.equals(fits);
    }

    /** The browser's session, as its cookie header: the PDF link is fetched exactly as the browser would. */
    private String sessionCookies() {
        List<String> pairs = browser.driver.manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue()).toList();
        assertThat(pairs).isNotEmpty();
        return String.join("; ", pairs);
    }

    private void logIn(String email) {
        browser.open("/connexion.html");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
        browser.driver.findElement(By.id("password")).sendKeys(RunningSystem.PARENT_PASSWORD);
        browser.driver.findElement(By.id("login-submit")).click();
        browser.wait.until(ExpectedConditions.urlContains("espace.html"));
    }

    private void clickButton(String label) {
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()=\"" + label + "\"]"))).click();
    }

    private void clickLink(String label) {
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.linkText(label))).click();
    }

    private static String login(String email) {
        Map<?, ?> body = gateway.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", RunningSystem.PARENT_PASSWORD))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("accessToken");
    }
}

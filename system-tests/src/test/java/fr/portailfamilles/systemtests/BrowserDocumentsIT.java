package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Guide step 8 on a phone: the demo parent sends a document and its red cross turns green. */
class BrowserDocumentsIT {

    Browser browser;

    @BeforeEach
    void openBrowserAndLogIn() {
        browser = new Browser();
        browser.open("/connexion.html");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(RunningSystem.PARENT_EMAIL);
        browser.driver.findElement(By.id("password")).sendKeys(RunningSystem.PARENT_PASSWORD);
        browser.driver.findElement(By.id("login-submit")).click();
        browser.wait.until(ExpectedConditions.urlContains("espace.html"));
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aParentSendsTheTaxNoticeAndItShowsAsSent() throws IOException {
        browser.driver.findElement(By.linkText("Mes documents")).click();
        By taxNotice = By.xpath("//ul[@id='requirements']/li[contains(., \"Avis d'imposition\")]");
        // The list is drawn again once the document types arrive: read it through waits that outlast a redraw.
        browser.wait.ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(taxNotice).getAttribute("class").contains("requirement-missing"));

        browser.driver.findElement(By.id("add-document")).click();
        Select type = new Select(browser.driver.findElement(By.id("upload-type")));
        type.selectByVisibleText(type.getOptions().stream().map(option -> option.getText())
                .filter(text -> text.startsWith("Avis d'imposition")).findFirst().orElseThrow());
        browser.driver.findElement(By.id("upload-file")).sendKeys(onePagePdf().toString());
        browser.driver.findElement(By.id("upload-submit")).click();

        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("documents-sent")));
        browser.wait.ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(taxNotice).getAttribute("class").contains("requirement-sent")
                        && driver.findElement(taxNotice).getText().contains("Envoyé"));
    }

    @Test
    void eachRequirementSaysWhatToSendInWhichFormatAndTheRequiredOnesCarryTheGuidesMarker() {
        browser.open("/documents.html");
        WebElement taxNotice = requirement("Avis d'imposition");
        assertThat(taxNotice.findElement(By.className("requirement-title")).getText()).startsWith("Avis d'imposition (!)");
        assertThat(taxNotice.findElement(By.className("required-marker")).getText()).isEqualTo("(!)");
        assertThat(taxNotice.findElement(By.className("requirement-hint")).getText())
                .contains("impots.gouv.fr").contains("impôt 2023 sur les revenus 2022");
        assertThat(taxNotice.findElement(By.className("requirement-formats")).getText())
                .isEqualTo("Formats acceptés : PDF, JPEG ou PNG, 10 Mo au plus.");
        assertThat(requirement("Notification CAF").getText()).contains("couvrir les 12 derniers mois");
        assertThat(requirement("Attestation d'assurance extrascolaire").getText()).contains("« durant les activités extra scolaires »");
        // The optional one carries no marker; a required one says « obligatoire » to a screen reader.
        WebElement custody = requirement("Jugement de garde");
        assertThat(custody.findElements(By.className("required-marker"))).isEmpty();
        assertThat(custody.findElement(By.className("requirement-title")).getText()).isEqualTo("Jugement de garde");
        assertThat(taxNotice.findElement(By.className("requirement-title")).getAttribute("textContent")).contains("(obligatoire)");

        browser.driver.findElement(By.id("dossier-creche")).click();
        assertThat(requirement("Attestation d'assurance responsabilité civile").getText()).contains("Responsabilité civile");
        browser.driver.findElement(By.id("add-document")).click();
        Select type = new Select(browser.driver.findElement(By.id("upload-type")));
        type.selectByVisibleText("Notification CAF (!)");
        assertThat(browser.driver.findElement(By.id("upload-type-hint")).getText()).contains("12 derniers mois");
        ParentBrowsing.assertAccessible(browser, "Mes documents");
    }

    @Test
    void aRefusedDocumentSaysWhyAndWhatToSendInstead() throws IOException {
        String reason = "Le document envoyé est une page blanche.";
        ParentBrowsing.sendThenRefuse(ParentBrowsing.token(RunningSystem.PARENT_EMAIL, RunningSystem.PARENT_PASSWORD),
                "JUGEMENT_GARDE", reason);
        browser.open("/documents.html");
        WebElement custody = requirement("Jugement de garde");
        assertThat(custody.getAttribute("class")).contains("requirement-missing");
        assertThat(custody.findElement(By.className("requirement-status")).getText()).isEqualTo("Refusé : " + reason);
        assertThat(custody.findElement(By.className("requirement-hint")).getText())
                .isEqualTo("Envoyez à la place : Seulement si les parents sont séparés : la décision qui fixe la résidence de l'enfant.");
        ParentBrowsing.assertAccessible(browser, "Mes documents, un refus");
    }

    @Test
    void anAcceptedDocumentShowsUntilWhenItIsValid() {
        browser.close();
        browser = new Browser();
        // The demo's Bernard family has its ALSH documents accepted by staff (document-service's demo data).
        ParentBrowsing.logIn(browser, BrowserReservationIT.BERNARD_EMAIL, RunningSystem.PARENT_PASSWORD);
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
            browser.open("/documents.html");
            return requirement("Avis d'imposition").getAttribute("class").contains("requirement-accepted");
        });
        assertThat(requirement("Avis d'imposition").findElement(By.className("requirement-status")).getText())
                .matches("Validé, valable jusqu'au \\d{1,2} [a-zéû]+ \\d{4}");
    }

    private WebElement requirement(String label) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//ul[@id='requirements']/li[.//strong[starts-with(normalize-space(), \"" + label + "\")]]")));
    }

    /** A real one-page PDF, written by hand with a correct cross-reference table. */
    static Path onePagePdf() throws IOException {
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
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
        Path file = Files.createTempFile("avis-imposition-", ".pdf");
        Files.writeString(file, pdf, StandardCharsets.US_ASCII);
        return file;
    }
}

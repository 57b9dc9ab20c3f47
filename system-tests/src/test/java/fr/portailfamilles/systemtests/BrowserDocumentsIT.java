package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(taxNotice));
        assertThat(browser.driver.findElement(taxNotice).getAttribute("class")).contains("requirement-missing");

        browser.driver.findElement(By.id("add-document")).click();
        Select type = new Select(browser.driver.findElement(By.id("upload-type")));
        type.selectByVisibleText(type.getOptions().stream().map(option -> option.getText())
                .filter(text -> text.startsWith("Avis d'imposition")).findFirst().orElseThrow());
        browser.driver.findElement(By.id("upload-file")).sendKeys(onePagePdf().toString());
        browser.driver.findElement(By.id("upload-submit")).click();

        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("documents-sent")));
        browser.wait.until(driver -> driver.findElement(taxNotice).getAttribute("class").contains("requirement-sent"));
        assertThat(browser.driver.findElement(taxNotice).getText()).contains("Envoyé");
    }

    /** A real one-page PDF, written by hand with a correct cross-reference table. */
    private static Path onePagePdf() throws IOException {
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

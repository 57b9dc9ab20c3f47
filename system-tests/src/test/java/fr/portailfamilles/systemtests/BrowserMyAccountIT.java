package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * What the API already did and now has a page, on a phone with axe-core on desktop and phone widths:
 * « Modifier mon mot de passe » once logged in, « Mes messages » with the unread count in the header and
 * messages marked read when opened, « Télécharger mes données ».
 */
class BrowserMyAccountIT {

    /** The Bernard demo family: its password is changed and put back, so the Martin family's tests are not disturbed. */
    static final String EMAIL = BrowserReservationIT.BERNARD_EMAIL;
    static final String NEW_PASSWORD = "Trois petits chats dans le jardin";

    Browser browser;

    @BeforeEach
    void openBrowserAndLogIn() {
        browser = new Browser();
        ParentBrowsing.logIn(browser, EMAIL, RunningSystem.PARENT_PASSWORD);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aParentChangesTheirPasswordAfterAWrongCurrentOneAndGetsTheConfirmationEmail() {
        clickLink("Modifier mon mot de passe");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-password"))).sendKeys("pas le bon mot de passe");
        browser.driver.findElement(By.id("new-password")).sendKeys(NEW_PASSWORD);
        browser.driver.findElement(By.id("new-password-confirmation")).sendKeys(NEW_PASSWORD);
        browser.driver.findElement(By.id("change-submit")).click();
        WebElement error = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("change-error")));
        assertThat(error.getText()).isNotBlank();
        assertThat(browser.driver.getCurrentUrl()).contains("mot-de-passe-modifier.html");

        WebElement current = browser.driver.findElement(By.id("current-password"));
        current.clear();
        current.sendKeys(RunningSystem.PARENT_PASSWORD);
        browser.driver.findElement(By.id("change-submit")).click();
        try {
            assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("change-done"))).getText())
                    .isEqualTo("Votre mot de passe est modifié. Un courriel vous le confirme.");
            ParentBrowsing.assertAccessible(browser, "Modifier mon mot de passe");
            assertThat(Mailbox.await(EMAIL, "Portail Familles : votre mot de passe a été modifié")).isNotNull();
            String withNew = ParentBrowsing.token(EMAIL, NEW_PASSWORD);
            assertThat(withNew).isNotBlank();
        }
        finally {
            putBack();
        }
    }

    @Test
    void theHeaderCountsUnreadMessagesAndOpeningOneMarksItRead() throws IOException {
        String parent = ParentBrowsing.token(EMAIL, RunningSystem.PARENT_PASSWORD);
        ParentBrowsing.sendThenRefuse(parent, "JUGEMENT_GARDE", "Pièce illisible : renvoyez une copie nette.");
        String subject = "Portail Familles : document refusé (Jugement de garde)";
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> unreadSubjects(parent).contains(subject));
        long unread = messages(parent).get("unread") instanceof Number n ? n.longValue() : -1;

        browser.open("/espace.html");
        WebElement link = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("messages-link")));
        browser.wait.until(driver -> driver.findElement(By.id("messages-link")).getText().contains("non lu"));
        assertThat(link.getText()).isEqualTo("Mes messages (" + unread + " non lu" + (unread > 1 ? "s" : "") + ")");
        link.click();

        WebElement message = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//ul[@id='messages']/li[contains(@class, 'message-unread')][.//span[@class='message-subject'][.=\"" + subject + "\"]]")));
        assertThat(message.findElement(By.className("message-state")).getText()).isEqualTo("Non lu");
        ParentBrowsing.assertAccessible(browser, "Mes messages");
        message.findElement(By.tagName("summary")).click();
        assertThat(browser.wait.until(ExpectedConditions.visibilityOf(message.findElement(By.className("message-body")))).getText())
                .contains("Pièce illisible : renvoyez une copie nette.");
        browser.wait.until(driver -> message.findElement(By.className("message-state")).getText().equals("Lu"));
        long left = unread - 1;
        assertThat(browser.driver.findElement(By.id("messages-link")).getText())
                .isEqualTo(left == 0 ? "Mes messages" : "Mes messages (" + left + " non lu" + (left > 1 ? "s" : "") + ")");
        assertThat(unreadSubjects(parent)).doesNotContain(subject);
    }

    @Test
    void aParentDownloadsEverythingHeldOnTheFamily() throws IOException {
        // Chromium saves what the page downloads into a folder of this test, as a browser would in « Téléchargements ».
        Path downloads = Files.createTempDirectory("telechargements");
        ((ChromeDriver) browser.driver).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        clickLink("Télécharger mes données");
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("export-start"))).click();
        WebElement file = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("export-link")));
        assertThat(file.getAttribute("download")).isEqualTo("portail-familles-donnees.json");
        assertThat(file.getAttribute("href")).startsWith("blob:");

        Path saved = downloads.resolve("portail-familles-donnees.json");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Files.isRegularFile(saved) && Files.size(saved) > 0);
        String json = Files.readString(saved, StandardCharsets.UTF_8);
        assertThat(json).contains("\"Bernard\"").contains("Lina").contains(EMAIL);
        ParentBrowsing.assertAccessible(browser, "Télécharger mes données");
    }

    private void putBack() {
        String token = ParentBrowsing.token(EMAIL, NEW_PASSWORD);
        RunningSystem.gateway().put().uri("/api/auth/password").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", NEW_PASSWORD, "newPassword", RunningSystem.PARENT_PASSWORD))
                .exchange().expectStatus().isNoContent();
    }

    private static Map<?, ?> messages(String token) {
        return RunningSystem.gateway().get().uri("/api/messages?size=100").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static List<Object> unreadSubjects(String token) {
        return ((List<?>) messages(token).get("items")).stream().map(item -> (Map<?, ?>) item)
                .filter(item -> item.get("readAt") == null).map(item -> item.get("subject")).map(Object.class::cast).toList();
    }

    private void clickLink(String label) {
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//main//a[normalize-space()=\"" + label + "\"]"))).click();
    }
}

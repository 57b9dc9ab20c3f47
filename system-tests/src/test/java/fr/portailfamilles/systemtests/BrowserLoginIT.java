package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A parent on a phone-sized screen logs in and out in a real headless Chromium. */
class BrowserLoginIT {

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(360, 740));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aParentLogsInFromTheHomePageAndSeesTheirSpace() {
        browser.get(RunningSystem.get().gatewayUrl() + "/");
        browser.findElement(By.linkText("Se connecter")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(RunningSystem.PARENT_EMAIL);
        browser.findElement(By.id("password")).sendKeys(RunningSystem.PARENT_PASSWORD);
        browser.findElement(By.id("login-submit")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("greeting"), "Claire Martin"));
        assertThat(browser.getCurrentUrl()).endsWith("/espace.html");

        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("espace.html")));
        browser.get(RunningSystem.get().gatewayUrl() + "/espace.html");
        wait.until(ExpectedConditions.urlContains("connexion.html"));
    }

    @Test
    void aWrongPasswordIsExplainedOnThePage() {
        browser.get(RunningSystem.get().gatewayUrl() + "/connexion.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(RunningSystem.PARENT_EMAIL);
        browser.findElement(By.id("password")).sendKeys("pas-le-bon-mot-de-passe");
        browser.findElement(By.id("login-submit")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "E-mail ou mot de passe incorrect."));
        assertThat(browser.getCurrentUrl()).endsWith("/connexion.html");
    }
}

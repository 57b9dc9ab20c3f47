package fr.portailfamilles.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium on a phone-sized window, offline (no downloads, no Google services),
 * with a fresh profile: what the page tests drive.
 */
final class Browser implements AutoCloseable {

    final WebDriver driver;
    final WebDriverWait wait;

    Browser() {
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--user-data-dir=" + freshProfile());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(360, 740));
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    void open(String path) {
        driver.get(RunningSystem.get().gatewayUrl() + path);
    }

    /** « Connexion à votre espace » filled and sent; the caller waits for the landing page it expects. */
    void logIn(String email, String password) {
        open("/connexion.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
    }

    private static Path freshProfile() {
        try {
            return Files.createTempDirectory("chromium-profile");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A parent on a phone-sized screen logs in and out in a real headless Chromium. */
class BrowserLoginIT {

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
    void aParentLogsInFromTheHomePageAndSeesTheirSpace() {
        browser.open("/");
        browser.driver.findElement(By.linkText("Connexion à votre espace")).click();

        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(RunningSystem.PARENT_EMAIL);
        browser.driver.findElement(By.id("password")).sendKeys(RunningSystem.PARENT_PASSWORD);
        browser.driver.findElement(By.id("login-submit")).click();

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("greeting"), "Claire Martin"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/espace.html");

        browser.driver.findElement(By.id("logout")).click();
        browser.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("espace.html")));
        browser.open("/espace.html");
        browser.wait.until(ExpectedConditions.urlContains("connexion.html"));
    }

    @Test
    void whenTheAccessTokenHasRunOutThePageRenewsTheSessionInsteadOfAskingToLogInAgain() {
        browser.open("/connexion.html");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(RunningSystem.PARENT_EMAIL);
        browser.driver.findElement(By.id("password")).sendKeys(RunningSystem.PARENT_PASSWORD);
        browser.driver.findElement(By.id("login-submit")).click();
        browser.wait.until(ExpectedConditions.urlContains("espace.html"));

        // As after 30 minutes: the access cookie is gone, the refresh cookie (path /api/auth/refresh) is left.
        browser.driver.manage().deleteCookieNamed("pf_access");
        browser.open("/espace.html");

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("greeting"), "Claire Martin"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/espace.html");
        assertThat(browser.driver.manage().getCookieNamed("pf_access")).as("renewed by POST /api/auth/refresh").isNotNull();
    }

    @Test
    void aWrongPasswordIsExplainedOnThePage() {
        browser.open("/connexion.html");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(RunningSystem.PARENT_EMAIL);
        browser.driver.findElement(By.id("password")).sendKeys("pas-le-bon-mot-de-passe");
        browser.driver.findElement(By.id("login-submit")).click();

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "E-mail ou mot de passe incorrect."));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/connexion.html");
    }
}

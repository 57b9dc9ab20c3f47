package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * « Courriels » on a phone-sized screen with the demo staff login, through the gateway: the demo's failed
 * e-mail to the Bernard family is listed with its last error; « Renvoyer » queues it again, its line follows it
 * until it is sent, and the family's mailbox receives it. axe-core on the page, no horizontal scrolling at 360 px.
 */
class BrowserStaffMailIT {

    /** notification-service's demo failed delivery. */
    static final String FAILED_DELIVERY = "de11e0e0-0000-4000-8000-000000000001";

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
    void staffResendAFailedEmailAndTheFamilyReceivesIt() {
        browser.logIn(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
        browser.wait.until(ExpectedConditions.urlContains("/gestion/index.html"));
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Courriels"))).click();

        By line = By.cssSelector("#deliveries li[data-delivery='" + FAILED_DELIVERY + "']");
        WebElement failed = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(line));
        assertThat(failed.getText()).contains("pièces justificatives à renouveler", "famille.bernard@exemple.fr", "en échec",
                "Mailbox full");
        assertThat(Axe.seriousViolations(browser.driver)).as("axe-core on %s", browser.driver.getCurrentUrl()).isEmpty();
        assertThat(((JavascriptExecutor) browser.driver).executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
                .as("no horizontal scrolling at 360 px").isEqualTo(true);

        failed.findElement(By.xpath(".//button[normalize-space()='Renvoyer']")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-done"), "remis dans la file d'envoi"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(line, "État : envoyé"));
        assertThat(browser.driver.findElements(By.cssSelector("#deliveries li[data-delivery='" + FAILED_DELIVERY + "'] button"))).isEmpty();
        Mailbox.await("famille.bernard@exemple.fr", "pièces justificatives à renouveler");
    }
}

package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Guide step 2 on a phone: the account request form, from the home page to the acknowledgement e-mail. */
class BrowserAccountRequestIT {

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
    void aFamilyAsksForAnAccountFromTheHomePageAndGetsTheAcknowledgement() {
        String email = "demande-" + UUID.randomUUID() + "@exemple.fr";
        browser.open("/");
        browser.driver.findElement(By.linkText("Demande ouverture et/ou actualisation de compte")).click();

        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("family-name"))).sendKeys("Lambert");
        type("family-address", "8 rue du Moulin");
        type("family-postal-code", "51100");
        type("family-town", "Reims");
        type("parent-0-firstName", "Sophie");
        type("parent-0-lastName", "Lambert");
        type("parent-0-email", email);
        type("parent-0-phone", "06 11 22 33 44");
        type("child-0-firstName", "Lucas");
        type("child-0-lastName", "Lambert");
        browser.driver.findElement(By.id("child-0-birthDate")).sendKeys("12052018");
        browser.driver.findElement(By.id("consent")).click();
        browser.driver.findElement(By.id("request-submit")).click();

        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("request-sent")));
        await().atMost(Duration.ofSeconds(60)).until(() -> Arrays.stream(RunningSystem.get().greenMail().getReceivedMessages())
                .anyMatch(message -> {
                    try {
                        return message.getAllRecipients()[0].toString().equals(email);
                    }
                    catch (Exception ex) {
                        return false;
                    }
                }));
    }

    @Test
    void aRefusedFieldIsPointedOutNextToTheForm() {
        browser.open("/demande-compte.html");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("family-name"))).sendKeys("Lambert");
        type("family-address", "8 rue du Moulin");
        type("family-postal-code", "5110");
        type("family-town", "Reims");
        type("parent-0-firstName", "Sophie");
        type("parent-0-lastName", "Lambert");
        type("parent-0-email", "sophie.lambert@exemple.fr");
        type("parent-0-phone", "06 11 22 33 44");
        type("child-0-firstName", "Lucas");
        type("child-0-lastName", "Lambert");
        browser.driver.findElement(By.id("child-0-birthDate")).sendKeys("12052018");
        browser.driver.findElement(By.id("consent")).click();
        browser.driver.findElement(By.id("request-submit")).click();

        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        assertThat(browser.driver.findElement(By.id("form-error-list")).getText()).contains("Code postal").contains("5 chiffres");
        assertThat(browser.driver.findElement(By.id("family-postal-code")).getAttribute("aria-invalid")).isEqualTo("true");
    }

    private void type(String id, String text) {
        browser.driver.findElement(By.id(id)).sendKeys(text);
    }
}

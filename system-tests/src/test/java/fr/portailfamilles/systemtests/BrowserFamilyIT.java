package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Guide step 5 on a phone: the family's information, then the child's record and authorizations. */
class BrowserFamilyIT {

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
    void aParentCompletesTheFamilyAndTheChildRecordWithItsAuthorizations() {
        browser.driver.findElement(By.linkText("Modifier les informations de la famille")).click();
        browser.wait.until(driver -> !driver.findElement(By.id("address")).getAttribute("value").isEmpty());
        tick("consent-DATA_PROCESSING");
        tick("consent-RULES_ACCEPTED");
        browser.driver.findElement(By.id("family-submit")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-saved")));

        browser.driver.findElement(By.partialLinkText("Léo")).click();
        browser.wait.until(driver -> driver.findElement(By.id("firstName")).getAttribute("value").equals("Léo"));
        WebElement allergies = browser.driver.findElement(By.id("allergies"));
        allergies.clear();
        allergies.sendKeys("Fruits à coque");
        tick("auth-TRANSPORT");
        tick("auth-EMERGENCY_CARE");
        browser.driver.findElement(By.id("child-submit")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-saved")));

        browser.driver.navigate().refresh();
        browser.wait.until(driver -> driver.findElement(By.id("allergies")).getAttribute("value").equals("Fruits à coque"));
        assertThat(browser.driver.findElement(By.id("auth-TRANSPORT")).isSelected()).isTrue();
        assertThat(browser.driver.findElement(By.id("auth-EMERGENCY_CARE")).isSelected()).isTrue();
    }

    @Test
    void aRefusedFieldIsPointedOutOnTheChildRecord() {
        browser.open("/famille.html");
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Jade"))).click();
        browser.wait.until(driver -> driver.findElement(By.id("firstName")).getAttribute("value").equals("Jade"));
        WebElement phone = browser.driver.findElement(By.id("doctorPhone"));
        phone.clear();
        phone.sendKeys("pas un numéro");
        browser.driver.findElement(By.id("child-submit")).click();

        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        assertThat(browser.driver.findElement(By.id("form-error-list")).getText()).contains("Téléphone du médecin");
        assertThat(phone.getAttribute("aria-invalid")).isEqualTo("true");
    }

    @Test
    void aParentAddsAChildFromTheFamilyPageAndItsDocumentsAreThenAskedFor() {
        browser.driver.findElement(By.linkText("Modifier les informations de la famille")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#children li")));
        ParentBrowsing.assertAccessible(browser, "Modifier les informations de la famille");
        WebElement add = browser.driver.findElement(By.id("add-child"));
        assertThat(add.getText()).isEqualTo("Ajouter un enfant");
        add.click();
        assertThat(add.getAttribute("aria-expanded")).isEqualTo("true");
        browser.driver.findElement(By.id("new-firstName")).sendKeys("Zoé");
        browser.driver.findElement(By.id("new-lastName")).sendKeys("Martin");
        // Without a birth date the server refuses, and the field is pointed out.
        browser.driver.findElement(By.id("child-add-submit")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        assertThat(browser.driver.findElement(By.id("form-error-list")).getText()).contains("Date de naissance");
        assertThat(browser.driver.findElement(By.id("new-birthDate")).getAttribute("aria-invalid")).isEqualTo("true");

        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "var d = document.getElementById('new-birthDate'); d.value = '2020-05-02';");
        browser.driver.findElement(By.id("child-add-submit")).click();
        assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("child-added"))).getText())
                .contains("Zoé fait maintenant partie de votre famille.");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//ul[@id='children']/li[contains(., 'Zoé')]//a[contains(., 'Voir / Modifier la fiche enfant')]")));
        ParentBrowsing.assertAccessible(browser, "un enfant ajouté");

        // document-service learns of Zoé from the family's event: her vaccination record is then asked for.
        browser.driver.findElement(By.linkText("Voir ses documents à fournir")).click();
        By zoe = By.xpath("//ul[@id='requirements']/li[contains(., 'Carnet de vaccinations – Zoé Martin')]");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> {
                    browser.driver.navigate().refresh();
                    return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#requirements li")))
                            != null && !browser.driver.findElements(zoe).isEmpty();
                });
        assertThat(browser.driver.findElement(zoe).getAttribute("class")).contains("requirement-missing");
        assertThat(browser.driver.findElement(zoe).getText()).contains("(!)");
    }

    private void tick(String id) {
        WebElement box = browser.driver.findElement(By.id(id));
        if (!box.isSelected()) {
            box.click();
        }
    }
}

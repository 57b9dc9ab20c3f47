package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every parent page, through the gateway in real Chromium, checked by axe-core on a desktop and a 360 px wide
 * window once its data has arrived: no serious or critical violation. Also the guide's words where a parent
 * looks for them first.
 */
class BrowserParentPagesIT {

    /** Pages before login; the token pages are opened as the e-mail link would open them. */
    static final List<String> PUBLIC_PAGES = List.of("/index.html", "/connexion.html", "/demande-compte.html",
            "/mot-de-passe-oublie.html", "/activation.html?token=lien-du-courriel", "/reinitialisation.html?token=lien-du-courriel");

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
    void theHomePageUsesTheGuidesWordsAndEveryPublicPageIsAccessible() {
        browser.open("/index.html");
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Connexion à votre espace")));
        assertThat(browser.driver.findElement(By.linkText("Demande ouverture et/ou actualisation de compte")).isDisplayed()).isTrue();
        for (String page : PUBLIC_PAGES) {
            browser.open(page);
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
            ParentBrowsing.assertAccessible(browser, page);
        }
    }

    @Test
    void everyPageOfTheFamilySpaceIsAccessibleOnceItsDataIsShown() {
        ParentBrowsing.logIn(browser, RunningSystem.PARENT_EMAIL, RunningSystem.PARENT_PASSWORD);
        Map<String, By> pages = new LinkedHashMap<>();
        pages.put("/espace.html", By.xpath("//p[@id='greeting'][not(contains(., 'Chargement'))]"));
        pages.put("/famille.html", By.cssSelector("#children li"));
        pages.put("/documents.html", By.cssSelector("#requirements li .requirement-formats"));
        pages.put("/reservation.html", By.cssSelector("#children input"));
        pages.put("/reservations.html", By.xpath("//*[@id='recap-loading'][@hidden] | //*[@id='recap']/*"));
        pages.put("/factures.html", By.xpath("//*[@id='invoices-loading'][@hidden]"));
        pages.put("/messages.html", By.xpath("//p[@id='messages-summary'][normalize-space()!='']"));
        pages.put("/mot-de-passe-modifier.html", By.id("change-submit"));
        pages.put("/donnees.html", By.id("export-start"));
        pages.forEach((page, shown) -> {
            browser.open(page);
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(shown));
            ParentBrowsing.assertAccessible(browser, page);
        });

        // « Voir / Modifier la fiche enfant »: a link with the guide's words, whose spoken name says whose record.
        browser.open("/famille.html");
        WebElement record = browser.wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//ul[@id='children']/li[contains(., 'Léo')]//a[contains(@class, 'child-record')]")));
        assertThat(record.getText()).startsWith("Voir / Modifier la fiche enfant");
        assertThat(record.getAccessibleName()).isEqualTo("Voir / Modifier la fiche enfant de Léo Martin");
        record.click();
        browser.wait.until(driver -> driver.findElement(By.id("firstName")).getAttribute("value").equals("Léo"));
        ParentBrowsing.assertAccessible(browser, "enfant.html");
    }
}

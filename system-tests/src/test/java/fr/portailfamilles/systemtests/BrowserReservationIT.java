package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.events.EventType;
import fr.portailfamilles.events.IntegrationEvent;
import fr.portailfamilles.events.document.DossierCompletenessChanged;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guide steps 10 and 13 on a phone: « NOUVELLE RESERVATION » → child → period → « Continuer » → two days
 * with their amplitudes (one on the demo's full day, so on the waiting list) → « Valider » → « Confirmer la
 * réservation » → the récapitulatif and the confirmation e-mail; then the loupe → « Modifier / Annuler » →
 * « Continuer » → the green logo → « Valider le planning » → « Confirmer la réservation » → « Terminer » → a red
 * cross and the cancellation e-mail. Refusals are shown with the server's words.
 */
class BrowserReservationIT {

    static final UUID MARTIN_FAMILY = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000001");
    static final UUID LEO = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000011");
    static final UUID JADE = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000012");
    static final UUID SUMMER_2027 = UUID.fromString("5e7a0c1d-0000-4000-8000-000000000201");

    static final String BOOKING_MAIL = "confirmation de votre réservation";
    static final String CANCELLATION_MAIL = "confirmation de votre annulation";

    static final WebTestClient gateway = RunningSystem.gateway();
    static String parentToken;

    Browser browser;

    /**
     * The demo Martin family's dossier is incomplete on purpose. Léo's ALSH dossier is made complete as
     * document-service would announce it, and the test waits until the calendar says so; Jade's stays incomplete.
     */
    @BeforeAll
    static void leoDossierIsComplete() {
        publish(new DossierCompletenessChanged(MARTIN_FAMILY, LEO, "ALSH", true, List.of(), Instant.now()));
        parentToken = login(RunningSystem.PARENT_EMAIL, RunningSystem.PARENT_PASSWORD);
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> calendarDay(LEO, "2027-07-12").get("blocked") == null);
    }

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
    void aParentBooksTwoDaysOneOnTheWaitingListThenCancelsOneAndSeesTheRedCross() {
        clickLink("NOUVELLE RESERVATION");
        chooseChildAndPeriod(LEO);

        assertThat(day("2027-07-14").getText()).contains("Fermé – Fête nationale");
        assertThat(day("2027-07-09").findElement(By.className("day-state")).getText()).isEqualTo("complet – liste d'attente");
        chooseAmplitude("2027-07-08", "JOURNEE_REPAS");
        chooseAmplitude("2027-07-09", "MATIN");
        assertThat(day("2027-07-08").findElement(By.className("day-state")).getText()).isEqualTo("Choisi : Journée avec repas");
        assertThat(day("2027-07-09").findElement(By.className("day-state")).getText()).isEqualTo("Choisi : Matin (liste d'attente)");

        clickButton("Valider");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary-add")));
        assertThat(browser.driver.findElement(By.id("summary-add")).getText())
                .contains("jeudi 8 juillet 2027 – Journée avec repas")
                .contains("vendredi 9 juillet 2027 – Matin (complet : liste d'attente)");
        clickButton("Confirmer la réservation");

        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result-list")));
        String answer = browser.driver.findElement(By.id("result-list")).getText();
        assertThat(answer).contains("Léo, jeudi 8 juillet 2027 – Journée avec repas : Confirmée");
        assertThat(answer).containsPattern("Léo, vendredi 9 juillet 2027 – Matin : En liste d'attente, rang \\d+");
        clickLink("Terminer");

        browser.wait.until(ExpectedConditions.urlContains("reservations.html"));
        WebElement eighth = recapLine("2027-07-08");
        assertThat(eighth.getText()).contains("jeudi 8 juillet 2027 – Journée avec repas : Confirmée");
        assertThat(eighth.getAttribute("class")).contains("booking-confirmed");
        assertThat(recapLine("2027-07-09").getText()).containsPattern("Matin : En liste d'attente, rang \\d+");

        String booking = Mailbox.text(awaitMail(BOOKING_MAIL, "jeudi 8 juillet 2027"));
        assertThat(booking).contains("Léo, jeudi 8 juillet 2027, journée avec repas : confirmée");
        assertThat(booking).containsPattern("Léo, vendredi 9 juillet 2027, matin sans repas : en liste d'attente \\(rang \\d+\\)");

        // Step 13: the loupe at the end of the line, « Modifier / Annuler », « Continuer ».
        eighth.findElement(By.cssSelector("button[aria-label^='Voir le détail']")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
        assertThat(browser.driver.findElement(By.id("detail-list")).getText()).contains("Journée avec repas").contains("Confirmée");
        clickButton("Modifier / Annuler");
        browser.wait.until(ExpectedConditions.urlContains("modifier=1"));
        browser.wait.until(ExpectedConditions.elementToBeSelected(By.id("child-" + LEO)));
        clickButton("Continuer");

        WebElement greenLogo = browser.wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("li[data-date='2027-07-08'] .booked-toggle")));
        assertThat(greenLogo.getAttribute("aria-pressed")).isEqualTo("false");
        greenLogo.click();
        assertThat(greenLogo.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(greenLogo.getText()).contains("À annuler : Journée avec repas");
        clickButton("Valider le planning");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary-cancel")));
        assertThat(browser.driver.findElement(By.id("summary-cancel")).getText()).contains("jeudi 8 juillet 2027 – Journée avec repas");
        assertThat(browser.driver.findElement(By.id("summary-add-block")).isDisplayed()).isFalse();
        clickButton("Confirmer la réservation");

        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result-list")));
        assertThat(browser.driver.findElement(By.id("result-title")).getText()).isEqualTo("Annulation enregistrée");
        assertThat(browser.driver.findElement(By.id("result-list")).getText())
                .contains("Léo, jeudi 8 juillet 2027 – Journée avec repas : Annulée");
        clickLink("Terminer");

        browser.wait.until(ExpectedConditions.urlContains("reservations.html"));
        WebElement cancelled = recapLine("2027-07-08");
        assertThat(cancelled.getAttribute("class")).contains("booking-cancelled");
        assertThat(cancelled.findElement(By.className("booking-sign")).getText()).isEqualTo("✗");
        assertThat(cancelled.getText()).contains("Annulée");
        assertThat(recapLine("2027-07-09").getText()).contains("En liste d'attente");

        String cancellation = Mailbox.text(awaitMail(CANCELLATION_MAIL, "jeudi 8 juillet 2027"));
        assertThat(cancellation).contains("Léo, jeudi 8 juillet 2027, journée avec repas");
        assertThat(cancellation).doesNotContain("vendredi 9 juillet 2027");
    }

    @Test
    void aChildWhoseDossierIsIncompleteIsToldWhyBeforeChoosingADay() {
        clickLink("NOUVELLE RESERVATION");
        chooseChildAndPeriod(JADE);

        WebElement notice = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("planning-notice")));
        assertThat(notice.getText()).contains("Le dossier ALSH de Jade n'est pas complet").contains("Mes documents");
        assertThat(day("2027-07-12").getText()).contains("Réservation impossible");
        assertThat(browser.driver.findElements(By.cssSelector("#days .day-button"))).isEmpty();
        assertThat(browser.driver.findElement(By.id("planning-submit")).isDisplayed()).isFalse();
    }

    @Test
    void aRefusalFromTheServerIsShownWithItsReasonAndFocused() {
        clickLink("NOUVELLE RESERVATION");
        chooseChildAndPeriod(LEO);
        chooseAmplitude("2027-07-12", "APRES_MIDI_REPAS");
        clickButton("Valider");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary-add")));

        // Meanwhile the same day is booked from another device: the page's calendar is now out of date.
        gateway.post().uri("/api/reservations").header(HttpHeaders.AUTHORIZATION, "Bearer " + parentToken)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("childId", LEO, "periodId", SUMMER_2027, "days", List.of(Map.of("date", "2027-07-12", "unit", "MATIN"))))
                .exchange().expectStatus().isCreated();
        clickButton("Confirmer la réservation");

        WebElement errors = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        assertThat(errors.getText()).contains("Cet enfant a déjà une réservation").contains("Mes réservations");
        assertThat(browser.driver.switchTo().activeElement()).isEqualTo(errors);
        assertThat(browser.driver.findElement(By.id("result")).isDisplayed()).isFalse();

        // Back to the calendar, read again: the day shows the other device's booking, no longer a choice.
        clickButton("Revenir au calendrier");
        WebElement booked = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li[data-date='2027-07-12'] .booked-toggle")));
        assertThat(booked.findElement(By.className("booked-text")).getText()).isEqualTo("Matin – Confirmée");
        assertThat(browser.driver.findElement(By.id("planning-count")).getText()).isEmpty();
    }

    private void chooseChildAndPeriod(UUID child) {
        browser.wait.until(ExpectedConditions.urlContains("reservation.html"));
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("label[for='child-" + child + "']"))).click();
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("label[for='period-" + SUMMER_2027 + "']"))).click();
        clickButton("Continuer");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("planning-title")));
        browser.wait.until(driver -> !driver.findElements(By.cssSelector("#days li.day")).isEmpty());
    }

    /** Clicks the date, then the amplitude's label, as a parent does. */
    private void chooseAmplitude(String date, String unit) {
        day(date).findElement(By.className("day-button")).click();
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("label[for='unit-" + date + "-" + unit + "']"))).click();
    }

    private WebElement day(String date) {
        return browser.driver.findElement(By.cssSelector("#days li[data-date='" + date + "']"));
    }

    private WebElement recapLine(String date) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#recap li[data-date='" + date + "']")));
    }

    private void clickButton(String label) {
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()=\"" + label + "\"]"))).click();
    }

    private void clickLink(String label) {
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.linkText(label))).click();
    }

    /** The e-mail with that subject that mentions that day (other journeys may have e-mailed the same family). */
    private static MimeMessage awaitMail(String subject, String mentioning) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.to(RunningSystem.PARENT_EMAIL).stream()
                        .filter(message -> subjectOf(message).contains(subject) && Mailbox.text(message).contains(mentioning))
                        .reduce((first, second) -> second),
                found -> found.isPresent()).orElseThrow();
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (jakarta.mail.MessagingException ex) {
            return "";
        }
    }

    private static Map<?, ?> calendarDay(UUID child, String date) {
        Map<?, ?> calendar = gateway.get().uri("/api/periods/{period}/calendar?childId={child}", SUMMER_2027, child)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + parentToken)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) calendar.get("days")).stream().map(Map.class::cast).filter(day -> date.equals(day.get("date")))
                .findFirst().orElseThrow();
    }

    private static String login(String email, String password) {
        Map<?, ?> body = gateway.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("accessToken");
    }

    /**
     * Publishes to the running system's broker exactly as another service's outbox relay does (the same
     * CloudEvents headers as test-support's TestEventPublisher, which is bound to the test JVM's own broker).
     */
    private static void publish(IntegrationEvent event) {
        EventType type = EventType.of(event.getClass());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningSystem.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>(type.topic(), event.key(), JsonMapper.shared().writeValueAsString(event));
            Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", type.ceType(), "ce_source", "/portail-familles/test",
                            "ce_time", Instant.now().toString(), "ce_subject", event.subject(), "ce_specversion", "1.0",
                            "content-type", "application/json")
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException("Could not publish " + type.ceType(), ex);
        }
    }
}

package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

/** What the parents' page tests share: logging in (page or API) and axe-core on a desktop and a 360 px wide window. */
final class ParentBrowsing {

    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(360, 740);

    private ParentBrowsing() {
    }

    /** « Connexion à votre espace » with the given account, landing on « Mon espace ». */
    static void logIn(Browser browser, String email, String password) {
        browser.logIn(email, password);
        browser.wait.until(ExpectedConditions.urlContains("espace.html"));
    }

    /** An access token for API calls a test makes beside the browser (staff decisions, fixtures). */
    static String token(String email, String password) {
        return RunningSystem.token(email, password);
    }

    /** A parent sends a real one-page PDF for a FAMILY document type, then staff refuse it with a reason; its id. */
    static String sendThenRefuse(String parentToken, String type, String reason) throws IOException {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("type", type);
        byte[] pdf = Files.readAllBytes(BrowserDocumentsIT.onePagePdf());
        body.part("file", new ByteArrayResource(pdf) {
            @Override
            public String getFilename() {
                return "document.pdf";
            }
        });
        Map<?, ?> sent = RunningSystem.gateway().post().uri("/api/documents").header(HttpHeaders.AUTHORIZATION, "Bearer " + parentToken)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) sent.get("id");
        String staff = token(RunningSystem.STAFF_EMAIL, RunningSystem.STAFF_PASSWORD);
        RunningSystem.gateway().post().uri("/api/admin/documents/{id}/review", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", "REJECTED", "reason", reason))
                .exchange().expectStatus().isOk();
        return id;
    }

    /** axe-core on the page as it stands, desktop then phone width (left at phone width): no serious or critical violation. */
    static void assertAccessible(Browser browser, String what) {
        List<String> found = new ArrayList<>();
        for (Dimension size : List.of(DESKTOP, PHONE)) {
            browser.driver.manage().window().setSize(size);
            Axe.seriousViolations(browser.driver).forEach(v -> found.add(size.getWidth() + " px: " + v));
        }
        assertThat(found).as("axe-core, serious and critical, on %s (%s)", what, browser.driver.getCurrentUrl()).isEmpty();
    }
}

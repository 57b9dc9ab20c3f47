package fr.portailfamilles.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque's axe.min.js, from the axe-core Selenium jar) injected into the page as it stands:
 * the serious and critical violations, described so a failure says what to fix.
 */
final class Axe {

    private static final String SOURCE = load();

    private Axe() {
    }

    /** "rule: help (selector, …)" for each serious or critical violation; empty when there is none. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(SOURCE);
        // No rule passing would mean axe looked at nothing: reported as a violation rather than a silent pass.
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document)"
                + ".then(function (r) { var found = r.violations.map(function (v) { return { id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.map(function (n) { return n.target.join(' '); }) }; });"
                + " if (r.passes.length === 0) { found.push({ id: 'axe-no-rule-ran', impact: 'critical', help: 'axe checked nothing', nodes: [] }); }"
                + " done(found); },"
                + " function (e) { done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]); });");
        return ((List<Map<String, Object>>) result).stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("id") + ": " + v.get("help") + " " + ((List<Object>) v.get("nodes")).stream()
                        .map(String::valueOf).collect(Collectors.joining(", ", "(", ")")))
                .toList();
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js not on the test class path (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

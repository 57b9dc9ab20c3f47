package fr.portailfamilles.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.localstack.LocalStack;
import fr.portailfamilles.localstack.Ports;

/**
 * The whole system, as {@code dev/run} starts it (PostgreSQL, Kafka, SMTP catcher, every service and
 * the gateway, demo data loaded), once per test JVM, on free ports and a fresh data folder.
 */
final class RunningSystem {

    static final String STAFF_EMAIL = "agent.demo@portail-familles.fr";
    static final String STAFF_PASSWORD = "Agent-Demo-2026!";
    static final String PARENT_EMAIL = "famille.martin@exemple.fr";
    static final String PARENT_PASSWORD = "Parent-Demo-2026!";

    private static LocalStack stack;

    private RunningSystem() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            Path data = Path.of("target", "system-stack").toAbsolutePath();
            deleteRecursively(data);
            stack = LocalStack.builder()
                    .repositoryRoot(LocalStack.findRepositoryRoot(Path.of("")))
                    .dataDirectory(data)
                    .ports(Ports.free())
                    .demoData(true)
                    .kafkaHeap("384m")
                    .healthTimeout(Duration.ofMinutes(6))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        }
        return stack;
    }

    static WebTestClient gateway() {
        return WebTestClient.bindToServer().baseUrl(get().gatewayUrl()).responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** An access token for the API calls a test makes beside the browser (staff decisions, fixtures). */
    static String token(String email, String password) {
        Map<?, ?> body = gateway().post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("accessToken");
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

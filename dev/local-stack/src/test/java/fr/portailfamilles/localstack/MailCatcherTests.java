package fr.portailfamilles.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;

/** The mail catcher under a rush: bounded, paged, newest first, over real SMTP and HTTP. */
class MailCatcherTests {

    private static final int KEPT = 20;

    private final HttpClient http = HttpClient.newHttpClient();
    private MailCatcher catcher;

    @BeforeEach
    void start() throws IOException {
        catcher = MailCatcher.start(freePort(), freePort(), KEPT);
    }

    @AfterEach
    void stop() {
        catcher.close();
    }

    @Test
    void whenMoreMessagesArriveThanItKeepsThenTheOldestAreDroppedAndCountedAndTheNewestPagedFirst() throws Exception {
        for (int i = 1; i <= 45; i++) {
            send("parent-" + i + "@exemple.fr", "Message " + i);
        }

        String first = get("/api/messages?page=0&size=5", 200);
        long total = JsonPath.<Integer>read(first, "$.total");
        long dropped = JsonPath.<Integer>read(first, "$.dropped");
        assertThat(total).isLessThanOrEqualTo(KEPT).isGreaterThanOrEqualTo(KEPT - KEPT / 10);
        assertThat(total + dropped).isEqualTo(45);
        assertThat(JsonPath.<List<String>>read(first, "$.items[*].subject"))
                .containsExactly("Message 45", "Message 44", "Message 43", "Message 42", "Message 41");
        assertThat(JsonPath.<List<String>>read(get("/api/messages?page=1&size=5", 200), "$.items[*].subject"))
                .containsExactly("Message 40", "Message 39", "Message 38", "Message 37", "Message 36");
        assertThat(catcher.greenMail().getReceivedMessages()).hasSize((int) total);

        String toOne = get("/api/messages?to=PARENT-44@exemple.fr", 200);
        assertThat(JsonPath.<List<String>>read(toOne, "$.items[*].subject")).containsExactly("Message 44");
        assertThat(JsonPath.<Integer>read(get("/api/messages?to=parent-1@exemple.fr", 200), "$.total")).isZero();

        assertThat(get("/", 200)).contains("<h2>Message 45</h2>", "plus ancien(s) effacé(s)", "Page 1 sur 1")
                .doesNotContain("<h2>Message 1</h2>");
    }

    @Test
    void aPageSizeOutOfBoundsIsAProblem() throws Exception {
        send("parent@exemple.fr", "Bonjour");
        assertThat(get("/api/messages?size=100000", 400)).contains("\"status\":400");
        assertThat(get("/api/messages?page=-1", 400)).contains("\"status\":400");
        assertThat(get("/api/messages?size=abc", 400)).contains("\"status\":400");
        assertThat(JsonPath.<Integer>read(get("/api/messages", 200), "$.total")).isEqualTo(1);
    }

    private void send(String to, String subject) {
        GreenMailUtil.sendTextEmail(to, "ne-pas-repondre@portail-familles.fr", subject, "Bonjour",
                new ServerSetup(catcher.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    private String get(String path, int status) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(catcher.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        return response.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

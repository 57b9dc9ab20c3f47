package fr.portailfamilles.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import reactor.core.publisher.Flux;

/** Request bodies are capped at the gateway: 12 MB for uploads, 1 MB elsewhere; the service never sees the rest. */
class RequestSizeTests extends GatewayTestSupport {

    private static final int MB = 1024 * 1024;
    private static final String PROBLEM = "https://portail-familles.fr/problems/request-too-large";

    @LocalServerPort
    int port;

    @Test
    void whenAnUploadDeclares60MegabytesThenTheGatewayAnswers413UnreadAndTheServiceSeesNothing() throws IOException {
        String answer = answerToAnnounced("/api/documents", "multipart/form-data; boundary=b", 60 * MB);

        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains(PROBLEM).contains("12 Mo");
        assertThat(DOWNSTREAM.receivedAt("/api/documents")).isEmpty();
    }

    @Test
    void whenAnUploadStreams60MegabytesWithoutALengthThenItIsCutAt12And413IsAnswered() {
        Flux<DataBuffer> sixtyMegabytes = Flux.range(0, 240)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[256 * 1024]));

        client.post().uri("/api/documents")
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(sixtyMegabytes, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM);

        assertThat(DOWNSTREAM.receivedAt("/api/documents")).as("a whole body received by the service").isEmpty();
    }

    @Test
    void whenAJsonBodyIsOverAMegabyteThenItIsRefusedAndAnUploadOfFiveIsPassed() throws IOException {
        assertThat(answerToAnnounced("/api/family", "application/json", 2 * MB))
                .startsWith("HTTP/1.1 413").contains(PROBLEM).contains("1 Mo");
        assertThat(DOWNSTREAM.receivedAt("/api/family")).isEmpty();

        client.post().uri("/api/documents")
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[5 * MB])
                .exchange()
                .expectStatus().isOk();
        assertThat(DOWNSTREAM.receivedAt("/api/documents")).singleElement()
                .satisfies(request -> assertThat(request.body()).hasSize(5 * MB));
    }

    /**
     * Written by hand on a socket: headers announcing {@code declared} bytes, only 64 KB of body, and the answer
     * read anyway. An HTTP client still sending the body it announced may see the connection closed first.
     */
    private String answerToAnnounced(String path, String contentType, long declared) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer(TOKENS.parent())
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + declared + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(read);
            }
            catch (IOException endedByTheServer) {
                // what was read before is the answer
            }
            return read.toString(StandardCharsets.UTF_8);
        }
    }
}

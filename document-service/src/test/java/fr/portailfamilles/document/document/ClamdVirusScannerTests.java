package fr.portailfamilles.document.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.portailfamilles.document.document.application.ClamdVirusScanner;
import fr.portailfamilles.document.document.application.DocumentProperties;

/** The INSTREAM exchange against a small TCP server that speaks clamd's protocol. */
class ClamdVirusScannerTests {

    private ServerSocket server;
    private CompletableFuture<byte[]> received;
    private ClamdVirusScanner scanner;

    @BeforeEach
    void startFakeClamd() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        received = CompletableFuture.supplyAsync(this::serveOnce);
        scanner = new ClamdVirusScanner(new DocumentProperties.Clamd("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void whenTheContentIsCleanThenNoVirusIsReportedAndEveryByteWasStreamedInChunks() throws Exception {
        byte[] content = new byte[200_000];
        content[199_999] = 42;

        assertThat(scanner.scan(new ByteArrayInputStream(content))).isNull();
        assertThat(received.get()).isEqualTo(content);
    }

    @Test
    void whenClamdFindsAVirusThenItsNameIsReported() throws Exception {
        byte[] eicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*".getBytes(StandardCharsets.US_ASCII);

        assertThat(scanner.scan(new ByteArrayInputStream(eicar))).isEqualTo("Eicar-Test-Signature");
    }

    @Test
    void whenClamdIsUnreachableThenTheScanFails() throws IOException {
        server.close();
        assertThatThrownBy(() -> scanner.scan(new ByteArrayInputStream(new byte[] { 1 }))).isInstanceOf(IOException.class);
    }

    private byte[] serveOnce() {
        try (Socket socket = server.accept()) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] command = new byte[10];
            in.readFully(command);
            assertThat(new String(command, StandardCharsets.US_ASCII)).isEqualTo("zINSTREAM\0");
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            int length;
            while ((length = in.readInt()) > 0) {
                content.write(in.readNBytes(length));
            }
            String answer = content.toString(StandardCharsets.US_ASCII).contains("EICAR")
                    ? "stream: Eicar-Test-Signature FOUND\0" : "stream: OK\0";
            socket.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
            return content.toByteArray();
        }
        catch (IOException ex) {
            return null;
        }
    }
}

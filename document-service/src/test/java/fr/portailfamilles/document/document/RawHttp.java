package fr.portailfamilles.document.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request written by hand on a socket, its body cut short: shows that a server answers a
 * request on its headers alone, which an HTTP client (still sending the body it announced) cannot show.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** Sends {@code head} then {@code bodyBytes} zero bytes, and reads the answer until the server closes (10 s at most). */
    static String exchange(int port, String head, int bodyBytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(new byte[bodyBytes]);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0;) {
                    answer.write(buffer, 0, n);
                }
            }
            catch (IOException readEnded) {
                // A reset after the answer: what was read is the answer.
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}

package fr.portailfamilles.document.document.application;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * clamd's INSTREAM command over TCP: {@code zINSTREAM\0}, then chunks each prefixed by their length (4
 * bytes, big-endian), then a zero length; clamd answers {@code stream: OK} or {@code stream: <name> FOUND}.
 */
public class ClamdVirusScanner implements VirusScanner {

    private static final int CHUNK = 64 * 1024;

    private final DocumentProperties.Clamd clamd;

    public ClamdVirusScanner(DocumentProperties.Clamd clamd) {
        this.clamd = clamd;
    }

    @Override
    public String scan(InputStream content) throws IOException {
        int timeout = (int) clamd.timeout().toMillis();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(clamd.host(), clamd.port()), timeout);
            socket.setSoTimeout(timeout);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[CHUNK];
            int read;
            while ((read = content.read(chunk)) > 0) {
                out.writeInt(read);
                out.write(chunk, 0, read);
            }
            out.writeInt(0);
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            int next;
            while ((next = in.read()) > 0) {
                answer.write(next);
            }
            String reply = answer.toString(StandardCharsets.US_ASCII).strip();
            if (reply.endsWith("OK")) {
                return null;
            }
            if (reply.endsWith("FOUND")) {
                return reply.substring(reply.indexOf(':') + 1, reply.length() - "FOUND".length()).strip();
            }
            throw new IOException("clamd answered: " + reply);
        }
    }
}

package fr.portailfamilles.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) on a port chosen once, so it can be stopped and started again on the
 * SAME port, as a mail server that goes away and comes back. Keeps what every run received.
 */
final class TestSmtp {

    private final int port = freePort();
    private final List<MimeMessage> earlier = new ArrayList<>();
    private GreenMail server;

    TestSmtp() {
        start();
    }

    int port() {
        return port;
    }

    synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    synchronized void stop() {
        if (server != null) {
            earlier.addAll(Arrays.asList(server.getReceivedMessages()));
            server.stop();
            server = null;
        }
    }

    synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(earlier);
        if (server != null) {
            all.addAll(Arrays.asList(server.getReceivedMessages()));
        }
        return all;
    }

    List<MimeMessage> to(String recipient) {
        return received().stream().filter(message -> recipientOf(message).equalsIgnoreCase(recipient)).toList();
    }

    static String recipientOf(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        }
        catch (Exception ex) {
            return "";
        }
    }

    static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The plain-text alternative, decoded. */
    static String textOf(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String text = textOf(child);
                    if (text != null) {
                        return text;
                    }
                }
            }
            return null;
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    static boolean hasHtml(Part part) {
        try {
            if (part.isMimeType("text/html")) {
                return true;
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    if (hasHtml(multipart.getBodyPart(i))) {
                        return true;
                    }
                }
            }
            return false;
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

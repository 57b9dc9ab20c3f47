package fr.portailfamilles.systemtests;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** What the running system e-mailed, read from its real SMTP server (the local stack's GreenMail). */
final class Mailbox {

    private Mailbox() {
    }

    static List<MimeMessage> to(String recipient) {
        return Arrays.stream(RunningSystem.get().greenMail().getReceivedMessages())
                .filter(message -> recipientOf(message).equals(recipient)).toList();
    }

    /** Waits for an e-mail to {@code recipient} whose subject contains {@code subject}. */
    static MimeMessage await(String recipient, String subject) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(
                () -> to(recipient).stream().filter(message -> subjectOf(message).contains(subject)).findFirst(),
                found -> found.isPresent()).orElseThrow();
    }

    /** The decoded plain-text part: what a parent reads, and where links are not split by encoding. */
    static String text(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    String text = text(body);
                    if (text != null) {
                        return text;
                    }
                }
            }
            return null;
        }
        catch (MessagingException | IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The {@code token} parameter of the first link to {@code page} in the e-mail. */
    static String linkToken(MimeMessage message, String page) {
        Matcher link = Pattern.compile(Pattern.quote(page) + "\\?token=([A-Za-z0-9_-]+)").matcher(text(message));
        if (!link.find()) {
            throw new AssertionError("No link to " + page + " in:\n" + text(message));
        }
        return link.group(1);
    }

    private static String recipientOf(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        }
        catch (MessagingException ex) {
            return "";
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (MessagingException ex) {
            return "";
        }
    }

    static void awaitNone(String recipient, String subject, Duration during) {
        org.awaitility.Awaitility.await().during(during).atMost(during.plusSeconds(5))
                .until(() -> to(recipient).stream().noneMatch(message -> subjectOf(message).contains(subject)));
    }
}

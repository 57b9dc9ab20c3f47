package fr.portailfamilles.notification.mail.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.micrometer.core.instrument.Counter;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * One SMTP connection kept open by one sender worker and reused for many messages (a connection per
 * message costs a TCP and SMTP handshake, and often TLS and AUTH, each time). Opened on first use, closed
 * after {@code maxIdle} unused or {@code maxMessages} sent, and opened afresh when the server dropped it.
 * Not thread-safe: only its worker's own thread uses it.
 */
final class SmtpConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnection.class);

    private final JavaMailSenderImpl settings;
    private final Duration maxIdle;
    private final int maxMessages;
    private final Counter opened;
    private final Clock clock;
    private Transport transport;
    private int sent;
    private Instant lastUsed = Instant.MIN;

    SmtpConnection(JavaMailSenderImpl settings, Duration maxIdle, int maxMessages, Counter opened, Clock clock) {
        this.settings = settings;
        this.maxIdle = maxIdle;
        this.maxMessages = maxMessages;
        this.opened = opened;
        this.clock = clock;
    }

    /**
     * Sends over the kept connection. A connection this one had already used that fails (the server closed
     * it while idle, a reset) is replaced and the message tried once more on the new one; a refused
     * recipient leaves the connection as it is.
     */
    void send(MimeMessage message) throws MessagingException {
        if (transport != null && (sent >= maxMessages || idleSince(clock.instant()))) {
            close();
        }
        boolean reused = transport != null;
        if (!reused) {
            open();
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
        }
        catch (SendFailedException refused) {
            throw refused;
        }
        catch (MessagingException broken) {
            close();
            if (!reused) {
                throw broken;
            }
            log.debug("Kept SMTP connection failed ({}), sending again on a new one", broken.toString());
            open();
            transport.sendMessage(message, message.getAllRecipients());
        }
        sent++;
        lastUsed = clock.instant();
    }

    /** Closes the connection if unused for {@code maxIdle}: a worker with nothing to send holds nothing open. */
    void closeIfIdle() {
        if (transport != null && idleSince(clock.instant())) {
            close();
        }
    }

    boolean isOpen() {
        return transport != null;
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            }
            catch (MessagingException | RuntimeException ex) {
                log.debug("Closing an SMTP connection failed: {}", ex.toString());
            }
            transport = null;
        }
    }

    private boolean idleSince(Instant now) {
        return Duration.between(lastUsed, now).compareTo(maxIdle) >= 0;
    }

    private void open() throws MessagingException {
        Transport fresh = settings.getSession().getTransport(settings.getProtocol());
        String username = settings.getUsername();
        String password = settings.getPassword();
        fresh.connect(settings.getHost(), settings.getPort(), username == null || username.isEmpty() ? null : username,
                password == null || password.isEmpty() ? null : password);
        transport = fresh;
        sent = 0;
        lastUsed = clock.instant();
        opened.increment();
    }
}

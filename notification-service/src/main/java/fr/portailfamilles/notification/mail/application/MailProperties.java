package fr.portailfamilles.notification.mail.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * @param from the sender shown to families
 * @param portalUrl the portal's address, for links back into it
 * @param delivery how the sender drains the queue
 */
@Validated
@ConfigurationProperties("portail.mail")
public record MailProperties(@NotBlank String from, @NotBlank String portalUrl, @NotNull @Valid Delivery delivery) {

    /**
     * @param maxAttempts attempts before a delivery is FAILED (dead-lettered)
     * @param initialBackoff pause after the first failed attempt, doubled after each one
     * @param maxBackoff the longest pause between two attempts
     * @param pollInterval pause of a sender worker when nothing is due
     * @param sendTimeout the longest one SMTP send may take
     * @param workers sender workers running in parallel, each with its own SMTP connection (the pool's size)
     * @param batchSize due e-mails one worker claims at once
     * @param connectionIdle an SMTP connection unused this long is closed
     * @param messagesPerConnection an SMTP connection is closed and opened afresh after this many messages
     * @param metricsInterval how often the queue depth and oldest e-mail's age are read for the gauges
     */
    public record Delivery(@Min(1) int maxAttempts, @NotNull Duration initialBackoff, @NotNull Duration maxBackoff,
            @NotNull Duration pollInterval, @NotNull Duration sendTimeout, @Min(1) @Max(32) int workers,
            @Min(1) @Max(500) int batchSize, @NotNull Duration connectionIdle, @Min(1) int messagesPerConnection,
            @NotNull Duration metricsInterval) {

        /** The pause after {@code attempts} failed attempts: initial × 2^(attempts-1), capped. */
        public Duration backoffAfter(int attempts) {
            Duration pause = initialBackoff;
            for (int i = 1; i < attempts && pause.compareTo(maxBackoff) < 0; i++) {
                pause = pause.multipliedBy(2);
            }
            return pause.compareTo(maxBackoff) < 0 ? pause : maxBackoff;
        }

        /**
         * How long a claimed e-mail is hidden from other workers: the longest its worker may take to send
         * its whole batch. Shorter would let a slow batch be claimed (and sent) twice; a worker that stops
         * gives its unsent rows back at once, so only a crash makes them wait this long.
         */
        public Duration claimLease() {
            return sendTimeout.multipliedBy(batchSize);
        }
    }
}

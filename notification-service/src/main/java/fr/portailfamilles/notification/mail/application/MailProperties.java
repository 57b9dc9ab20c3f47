package fr.portailfamilles.notification.mail.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
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
     * @param pollInterval pause of the sender when nothing is due
     * @param sendTimeout the longest one SMTP send may take
     */
    public record Delivery(@Min(1) int maxAttempts, @NotNull Duration initialBackoff, @NotNull Duration maxBackoff,
            @NotNull Duration pollInterval, @NotNull Duration sendTimeout) {

        /** The pause after {@code attempts} failed attempts: initial × 2^(attempts-1), capped. */
        public Duration backoffAfter(int attempts) {
            Duration pause = initialBackoff;
            for (int i = 1; i < attempts && pause.compareTo(maxBackoff) < 0; i++) {
                pause = pause.multipliedBy(2);
            }
            return pause.compareTo(maxBackoff) < 0 ? pause : maxBackoff;
        }
    }
}

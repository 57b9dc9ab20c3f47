package fr.portailfamilles.notification.mail.domain;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One e-mail for one event to one recipient, rendered when queued: QUEUED until the SMTP server takes
 * it (SENT), or FAILED after the last attempt, with the error.
 */
@Table("delivery")
public record Delivery(@Id UUID id, String eventId, UUID familyId, String recipient, String template, String subject,
        String bodyText, String bodyHtml, String status, int attempts, Instant nextAttemptAt, String lastError,
        Instant createdAt, Instant sentAt) {

    public static final String QUEUED = "QUEUED";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
}

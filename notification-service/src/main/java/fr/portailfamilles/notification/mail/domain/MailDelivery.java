package fr.portailfamilles.notification.mail.domain;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One e-mail sent for one event to one recipient. */
@Table("mail_delivery")
public record MailDelivery(@Id UUID id, String eventId, String recipient, String template, String subject, String status,
        Instant createdAt) {

    public static MailDelivery sent(String eventId, String recipient, String template, String subject) {
        return new MailDelivery(null, eventId, recipient, template, subject, "SENT", null);
    }
}

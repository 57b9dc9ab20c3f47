package fr.portailfamilles.notification.message.domain;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** What a family sees in the portal for one event: the e-mail's subject and plain text, read or not. */
@Table("message")
public record Message(@Id UUID id, UUID familyId, String eventId, String template, String subject, String body,
        Instant createdAt, Instant readAt) {
}

package fr.portailfamilles.events.document;

import java.time.Instant;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/** Staff rejected a document, with the reason the family is told. */
@Event(domain = "document", aggregate = "document")
public record DocumentRejected(
        UUID documentId,
        UUID familyId,
        UUID childId,
        String typeCode,
        String typeLabel,
        String reason,
        Instant reviewedAt) implements IntegrationEvent {

    @Override
    public String key() {
        return familyId.toString();
    }
}

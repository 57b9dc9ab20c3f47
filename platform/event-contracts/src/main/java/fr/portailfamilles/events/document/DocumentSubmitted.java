package fr.portailfamilles.events.document;

import java.time.Instant;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/** A parent uploaded a document; staff will review it. */
@Event(domain = "document", aggregate = "document")
public record DocumentSubmitted(
        UUID documentId,
        UUID familyId,
        UUID childId,
        String typeCode,
        String typeLabel,
        Instant submittedAt) implements IntegrationEvent {

    @Override
    public String key() {
        return familyId.toString();
    }
}

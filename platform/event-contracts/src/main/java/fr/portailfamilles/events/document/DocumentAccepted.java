package fr.portailfamilles.events.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/** Staff accepted a document, valid until the given date when it has one. */
@Event(domain = "document", aggregate = "document")
public record DocumentAccepted(
        UUID documentId,
        UUID familyId,
        UUID childId,
        String typeCode,
        String typeLabel,
        LocalDate validUntil,
        Instant reviewedAt) implements IntegrationEvent {

    @Override
    public String key() {
        return familyId.toString();
    }
}

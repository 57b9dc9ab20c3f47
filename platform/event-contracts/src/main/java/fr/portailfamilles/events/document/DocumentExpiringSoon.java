package fr.portailfamilles.events.document;

import java.time.LocalDate;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/** An accepted document stops being valid soon; the family should send a new one. */
@Event(domain = "document", aggregate = "document")
public record DocumentExpiringSoon(
        UUID documentId,
        UUID familyId,
        UUID childId,
        String typeCode,
        String typeLabel,
        LocalDate validUntil) implements IntegrationEvent {

    @Override
    public String key() {
        return familyId.toString();
    }
}

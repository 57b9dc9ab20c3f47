package fr.portailfamilles.events.document;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/** A family's (or child's) dossier became complete or incomplete; reservation-service uses it for eligibility. */
@Event(domain = "document", aggregate = "dossier")
public record DossierCompletenessChanged(
        UUID familyId,
        UUID childId,
        String dossier,
        boolean complete,
        List<String> missingTypes,
        Instant changedAt) implements IntegrationEvent {

    @Override
    public String key() {
        return familyId.toString();
    }
}

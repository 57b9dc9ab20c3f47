package fr.portailfamilles.events.reservation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/** One cancellation of a parent, possibly several days: what the cancellation e-mail lists. */
@Event(domain = "reservation", aggregate = "reservation")
public record CancellationConfirmed(
        UUID cancellationId,
        UUID familyId,
        String structureName,
        List<CancelledLine> lines,
        Instant cancelledAt) implements IntegrationEvent {

    @Override
    public String key() {
        return familyId.toString();
    }
}

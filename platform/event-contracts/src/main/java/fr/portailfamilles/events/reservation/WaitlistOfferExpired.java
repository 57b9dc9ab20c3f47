package fr.portailfamilles.events.reservation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/**
 * An offered place was not answered in time: the child's reservation is over (never confirmed, nothing to
 * bill) and the place went to the next child waiting, or back to the free places.
 */
@Event(domain = "reservation", aggregate = "reservation")
public record WaitlistOfferExpired(
        UUID reservationId,
        UUID familyId,
        UUID childId,
        String childFirstName,
        UUID structureId,
        String structureName,
        String activity,
        UUID periodId,
        LocalDate date,
        String unit,
        boolean meal,
        Instant expiresAt,
        Instant expiredAt) implements IntegrationEvent {

    @Override
    public String key() {
        return familyId.toString();
    }
}

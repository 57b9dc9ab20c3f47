package fr.portailfamilles.events.reservation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/**
 * A place freed up on an activity whose waiting list makes offers: it is held for the first waitlisted
 * child until {@code expiresAt}. The parent accepts (then {@link ReservationConfirmed}) or declines (then
 * {@link ReservationCancelled}); without an answer the offer expires ({@link WaitlistOfferExpired}).
 * Not billable: the place is only held.
 */
@Event(domain = "reservation", aggregate = "reservation")
public record WaitlistOfferMade(
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
        Instant offeredAt) implements IntegrationEvent {

    @Override
    public String key() {
        return familyId.toString();
    }
}

package fr.portailfamilles.events.reservation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/** The day was full: the child is on the waiting list at the given rank. */
@Event(domain = "reservation", aggregate = "reservation")
public record ReservationWaitlisted(
        UUID reservationId,
        UUID bookingId,
        UUID familyId,
        UUID childId,
        String childFirstName,
        UUID structureId,
        String structureName,
        UUID periodId,
        LocalDate date,
        String unit,
        int rank,
        Instant waitlistedAt) implements IntegrationEvent {

    @Override
    public String key() {
        return familyId.toString();
    }
}

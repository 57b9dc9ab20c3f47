package fr.portailfamilles.events.reservation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/** A place is booked for a child on a day and unit; billing bills it, notification lists it. */
@Event(domain = "reservation", aggregate = "reservation")
public record ReservationConfirmed(
        UUID reservationId,
        UUID bookingId,
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
        Instant confirmedAt) implements IntegrationEvent {

    @Override
    public String key() {
        return familyId.toString();
    }
}

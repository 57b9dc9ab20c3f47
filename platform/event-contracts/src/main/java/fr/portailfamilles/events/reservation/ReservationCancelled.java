package fr.portailfamilles.events.reservation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/** A reservation was cancelled; a late one may still be billed. */
@Event(domain = "reservation", aggregate = "reservation")
public record ReservationCancelled(
        UUID reservationId,
        UUID familyId,
        UUID childId,
        String childFirstName,
        UUID structureId,
        String structureName,
        UUID periodId,
        LocalDate date,
        String unit,
        boolean meal,
        boolean late,
        boolean billable,
        Instant cancelledAt) implements IntegrationEvent {

    @Override
    public String key() {
        return familyId.toString();
    }
}

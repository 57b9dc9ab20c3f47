package fr.portailfamilles.events.reservation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/** One confirmation of a parent (several children, days and units): what the confirmation e-mail lists, each line confirmed or waitlisted. */
@Event(domain = "reservation", aggregate = "reservation")
public record BookingPlaced(
        UUID bookingId,
        UUID familyId,
        String structureName,
        String periodName,
        List<BookingLine> lines,
        Instant placedAt) implements IntegrationEvent {

    @Override
    public String key() {
        return familyId.toString();
    }
}

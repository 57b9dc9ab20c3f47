package fr.portailfamilles.events.reservation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/** A place freed up and the first waitlisted child got it: now a confirmed reservation. */
@Event(domain = "reservation", aggregate = "reservation")
public record WaitlistPromoted(
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
        Instant promotedAt) implements IntegrationEvent {

    @Override
    public String key() {
        return familyId.toString();
    }
}

package fr.portailfamilles.events.reservation;

import java.time.LocalDate;
import java.util.UUID;

/** One day and unit of a booking, confirmed or waitlisted. */
public record BookingLine(
        UUID reservationId,
        UUID childId,
        String childFirstName,
        LocalDate date,
        String unit,
        String status,
        Integer waitlistRank) {
}

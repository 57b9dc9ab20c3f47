package fr.portailfamilles.events.reservation;

import java.time.LocalDate;
import java.util.UUID;

/** One cancelled day and unit. */
public record CancelledLine(
        UUID reservationId,
        UUID childId,
        String childFirstName,
        LocalDate date,
        String unit,
        boolean late) {
}

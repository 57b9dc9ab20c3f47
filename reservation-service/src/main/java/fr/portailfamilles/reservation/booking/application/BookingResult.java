package fr.portailfamilles.reservation.booking.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.portailfamilles.reservation.booking.domain.ReservationStatus;
import fr.portailfamilles.reservation.offer.domain.Unit;

/** The answer to one confirmation: each line CONFIRMED, or WAITLISTED with its rank. */
public record BookingResult(UUID bookingId, List<Line> reservations) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(UUID id, UUID childId, String childFirstName, LocalDate date, Unit unit, ReservationStatus status,
            Integer waitlistRank) {
    }
}

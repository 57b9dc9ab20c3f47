package fr.portailfamilles.reservation.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import fr.portailfamilles.reservation.offer.domain.Unit;

/**
 * One child, one day, one unit. {@code waitlistRank} is the position among the children still waiting on
 * that day and age group (1 = next to be promoted), computed when read, so it never has gaps. {@code offerExpiresAt}:
 * while OFFERED, when the offer ends (the parent answers before it, or the place goes to the next child); kept on a
 * declined or expired offer (CANCELLED), cleared once accepted.
 */
public record Reservation(UUID id, UUID bookingId, UUID familyId, UUID childId, String childFirstName, UUID periodId,
        UUID ageGroupId, LocalDate date, Unit unit, ReservationStatus status, Integer waitlistRank, boolean late,
        boolean billable, String bookedBy, String reason, Instant createdAt, Instant updatedAt, Instant offerExpiresAt,
        String periodName, String structureName) {
}

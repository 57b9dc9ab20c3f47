package fr.portailfamilles.reservation.booking.domain;

/**
 * CONFIRMED holds a place; WAITLISTED waits in rank order; OFFERED holds a freed place for a waiting child until
 * its offer expires (activities whose waiting list makes offers), then CONFIRMED if accepted or CANCELLED.
 */
public enum ReservationStatus {
    CONFIRMED, WAITLISTED, OFFERED, CANCELLED;

    /** Whether the reservation holds a place of the day (counted in {@code day_slot.booked}). */
    public boolean holdsPlace() {
        return this == CONFIRMED || this == OFFERED;
    }
}

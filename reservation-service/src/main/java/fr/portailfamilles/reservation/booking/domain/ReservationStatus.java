package fr.portailfamilles.reservation.booking.domain;

public enum ReservationStatus {
    CONFIRMED, WAITLISTED, CANCELLED
}

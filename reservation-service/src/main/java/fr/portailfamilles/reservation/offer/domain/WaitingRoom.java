package fr.portailfamilles.reservation.offer.domain;

/**
 * A period's waiting room as staff set it: whether parents arriving for the opening ({@code bookingOpensAt}) wait
 * in it, and how many families per minute it admits at most (less when the service is saturated).
 */
public record WaitingRoom(boolean enabled, int paceLimitPerMinute) {

    public static final int DEFAULT_PACE = 600;

    public static final WaitingRoom NONE = new WaitingRoom(false, DEFAULT_PACE);
}

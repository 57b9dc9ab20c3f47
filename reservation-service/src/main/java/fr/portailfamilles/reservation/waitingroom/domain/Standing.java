package fr.portailfamilles.reservation.waitingroom.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one family stands in a period's waiting room, computed from what the database holds: waiting (with its
 * place once the order is drawn), admitted, or no waiting room to pass (none set, over, or bookings closed).
 */
public record Standing(Status status, Instant opensAt, Integer position, Integer ahead, Long estimatedWaitSeconds) {

    public enum Status {
        WAITING, ADMITTED, NOT_REQUIRED
    }

    /** What the database says about a period's room and the family's place in it (place fields null: not joined). */
    public record Snapshot(Instant opensAt, Instant closesAt, boolean enabled, int paceLimitPerMinute, boolean drawn, double admitted,
            Double pacePerMinute, Instant closedAt, boolean joined, Integer position) {

        /** Whether booking the period needs an admission pass at {@code now}. */
        public boolean passRequired(Instant now) {
            return enabled && closedAt == null && !now.isBefore(opensAt) && now.isBefore(closesAt);
        }

        /** Whether the room still takes families: set, not over, bookings not closed. */
        public boolean open(Instant now) {
            return enabled && closedAt == null && now.isBefore(closesAt);
        }
    }

    public static Standing of(Snapshot room, Instant now) {
        if (!room.open(now)) {
            return new Standing(Status.NOT_REQUIRED, room.opensAt(), null, null, null);
        }
        if (!room.drawn() || room.position() == null) {
            // Before the draw nobody has a place: the order is drawn at the opening.
            long untilOpening = Math.max(0, Duration.between(now, room.opensAt()).toSeconds());
            return new Standing(Status.WAITING, room.opensAt(), null, null, untilOpening);
        }
        int admitted = (int) Math.floor(room.admitted());
        int position = room.position();
        if (position <= admitted) {
            return new Standing(Status.ADMITTED, room.opensAt(), position, 0, 0L);
        }
        double pace = room.pacePerMinute() != null && room.pacePerMinute() > 0 ? room.pacePerMinute() : room.paceLimitPerMinute();
        long wait = (long) Math.ceil((position - admitted) * 60.0 / pace);
        return new Standing(Status.WAITING, room.opensAt(), position, position - 1 - admitted, wait);
    }
}

package fr.portailfamilles.reservation.waitingroom.domain;

import java.time.Duration;

/**
 * How fast a waiting room admits. The staff's limit is the most per minute; while the service is saturated
 * (bookings waiting for a database connection) the room admits less, so the families already admitted book fast
 * instead of everyone waiting longer.
 */
public final class Pace {

    /** Never below a tenth of the limit: the queue keeps moving even under a long saturation. */
    static final double MIN_FACTOR = 0.1;

    private Pace() {
    }

    /**
     * The share of the limit to apply: 1 when no booking waits for a connection, then 1 / (1 + pending / poolSize):
     * half the pace when as many requests wait as the pool has connections, a fifth at four times as many.
     */
    public static double factor(int pendingAcquires, int poolSize) {
        if (pendingAcquires <= 0 || poolSize <= 0) {
            return 1.0;
        }
        return Math.max(MIN_FACTOR, 1.0 / (1.0 + (double) pendingAcquires / poolSize));
    }

    /**
     * The new admission watermark: {@code admitted} plus what {@code perMinute} allows over {@code elapsed}, never more
     * than the families queued (an empty queue does not save up admissions for a burst later).
     */
    public static double advance(double admitted, int queued, double perMinute, Duration elapsed) {
        double seconds = Math.max(0, elapsed.toMillis()) / 1000.0;
        return Math.min(queued, admitted + perMinute * seconds / 60.0);
    }
}

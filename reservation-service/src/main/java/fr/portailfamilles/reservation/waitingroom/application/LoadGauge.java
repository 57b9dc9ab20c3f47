package fr.portailfamilles.reservation.waitingroom.application;

/** How saturated reservation-service is, for the waiting room's adaptive pace. */
public interface LoadGauge {

    /** Requests waiting for a database connection right now. */
    int pendingAcquires();

    /** The connections the pool may open. */
    int poolSize();
}

package fr.portailfamilles.platform.outbox;

/**
 * An event that can never be handled as it is: retrying cannot help, so it is parked at once (visible and
 * replayable at {@code /api/admin/parked-events/<service>}) and its partition moves on. Throw it from a handler only for
 * a permanently invalid event; anything else a handler throws is taken as transient and retried.
 */
public class NonRetryableEventException extends RuntimeException {

    public NonRetryableEventException(String message) {
        super(message);
    }

    public NonRetryableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}

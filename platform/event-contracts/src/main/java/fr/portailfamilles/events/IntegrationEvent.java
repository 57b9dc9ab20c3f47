package fr.portailfamilles.events;

/**
 * An event another service may act on. Records implement it; the key decides the partition, so a
 * family's events, keyed by family id, stay in order.
 */
public interface IntegrationEvent {

    /** The Kafka key: the family id wherever a consumer needs one family's events in order. */
    String key();

    /** The CloudEvents {@code subject}: what the event is about, for logs and routing. */
    default String subject() {
        return key();
    }
}

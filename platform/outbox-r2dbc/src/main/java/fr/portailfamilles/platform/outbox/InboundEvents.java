package fr.portailfamilles.platform.outbox;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

import fr.portailfamilles.events.EventCatalog;
import fr.portailfamilles.events.EventType;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consuming half of the backbone: reads the CloudEvents headers, maps {@code ce_type} to its record,
 * and runs the matching handler through the {@link Inbox}. Called from a Spring Cloud Stream
 * {@code Consumer<Message<byte[]>>}, so a thrown error goes to the listener container's error handler
 * ({@link EventDeliveryErrorHandling}): retried while it may be transient, parked when it never can succeed.
 */
public class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);
    private static final Duration HANDLER_TIMEOUT = Duration.ofSeconds(60);

    private final Inbox inbox;
    private final JsonMapper jsonMapper;
    private final String consumer;

    public InboundEvents(Inbox inbox, JsonMapper jsonMapper, String consumer) {
        this.inbox = inbox;
        // ADR 0002: a producer may add fields within a version, so an older consumer ignores what it does not
        // know. Only event decoding: request bodies keep refusing unknown fields (web.properties).
        this.jsonMapper = jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.consumer = consumer;
    }

    public void dispatch(Message<byte[]> message, EventHandlers handlers) {
        String id = CloudEventHeaders.read(message.getHeaders(), CloudEventHeaders.ID);
        String ceType = CloudEventHeaders.read(message.getHeaders(), CloudEventHeaders.TYPE);
        if (id == null || ceType == null) {
            throw new NonRetryableEventException("Not a CloudEvent: ce_id or ce_type missing");
        }
        Optional<EventType> type = EventCatalog.byCeType(ceType).filter(known -> handlers.handles(known.javaType()));
        if (type.isEmpty()) {
            log.debug("{} skips {} {}", consumer, ceType, id);
            return;
        }
        Object event = decode(message.getPayload(), type.get(), id);
        // The binder thread may block: it is not an event loop, and retries need the outcome.
        // Deferred: a handler that does anything in its body, before its Mono, must not run for a duplicate.
        Boolean handled = inbox.once(consumer, id, Mono.defer(() -> handlers.handle(event))).block(HANDLER_TIMEOUT);
        if (Boolean.FALSE.equals(handled)) {
            log.info("{} already processed {} {}", consumer, ceType, id);
        }
    }

    /** A payload its own type cannot read will not read better later: parked, not retried. */
    private Object decode(byte[] payload, EventType type, String id) {
        try {
            return jsonMapper.readValue(payload, type.javaType());
        }
        catch (JacksonException ex) {
            throw new NonRetryableEventException("Undecodable " + type.ceType() + " " + id + ": " + ex.getOriginalMessage(), ex);
        }
    }
}

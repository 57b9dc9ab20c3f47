package fr.portailfamilles.platform.outbox;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

import fr.portailfamilles.events.EventCatalog;
import fr.portailfamilles.events.EventType;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consuming half of the backbone: reads the CloudEvents headers, maps {@code ce_type} to its record,
 * and runs the matching handler through the {@link Inbox}. Called from a Spring Cloud Stream
 * {@code Consumer<Message<byte[]>>}, so a thrown error goes to the binder's retries, then to the DLQ.
 */
public class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);
    private static final Duration HANDLER_TIMEOUT = Duration.ofSeconds(60);

    private final Inbox inbox;
    private final JsonMapper jsonMapper;
    private final String consumer;

    public InboundEvents(Inbox inbox, JsonMapper jsonMapper, String consumer) {
        this.inbox = inbox;
        this.jsonMapper = jsonMapper;
        this.consumer = consumer;
    }

    public void dispatch(Message<byte[]> message, EventHandlers handlers) {
        String id = CloudEventHeaders.read(message.getHeaders(), CloudEventHeaders.ID);
        String ceType = CloudEventHeaders.read(message.getHeaders(), CloudEventHeaders.TYPE);
        if (id == null || ceType == null) {
            throw new IllegalArgumentException("Not a CloudEvent: ce_id or ce_type missing");
        }
        Optional<EventType> type = EventCatalog.byCeType(ceType).filter(known -> handlers.handles(known.javaType()));
        if (type.isEmpty()) {
            log.debug("{} skips {} {}", consumer, ceType, id);
            return;
        }
        Object event = jsonMapper.readValue(message.getPayload(), type.get().javaType());
        // The binder thread may block: it is not an event loop, and retries need the outcome.
        // Deferred: a handler that does anything in its body, before its Mono, must not run for a duplicate.
        Boolean handled = inbox.once(consumer, id, Mono.defer(() -> handlers.handle(event))).block(HANDLER_TIMEOUT);
        if (Boolean.FALSE.equals(handled)) {
            log.info("{} already processed {} {}", consumer, ceType, id);
        }
    }
}

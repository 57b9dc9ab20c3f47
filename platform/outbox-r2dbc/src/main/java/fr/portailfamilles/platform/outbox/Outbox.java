package fr.portailfamilles.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

import fr.portailfamilles.events.EventCatalog;
import fr.portailfamilles.events.EventType;
import fr.portailfamilles.events.IntegrationEvent;
import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an event in the caller's R2DBC transaction: it is published if and only if the state change
 * commits. Call it inside the same {@code @Transactional} (or {@code TransactionalOperator}) chain.
 */
public class Outbox {

    private final DatabaseClient database;
    private final JsonMapper jsonMapper;
    private final String source;
    private final Clock clock;

    public Outbox(DatabaseClient database, JsonMapper jsonMapper, String source, Clock clock) {
        this.database = database;
        this.jsonMapper = jsonMapper;
        this.source = source;
        this.clock = clock;
    }

    public Mono<Void> append(IntegrationEvent event) {
        EventType type = EventCatalog.of(event.getClass());
        UUID id = UUID.randomUUID();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.ID, id.toString());
        headers.put(CloudEventHeaders.TYPE, type.ceType());
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.TIME, Instant.now(clock).toString());
        headers.put(CloudEventHeaders.SUBJECT, event.subject());
        headers.put(CloudEventHeaders.SPEC_VERSION, "1.0");
        headers.put(CloudEventHeaders.CONTENT_TYPE, "application/json");
        return database.sql("""
                        INSERT INTO messaging.outbox_event (id, aggregatetype, aggregateid, type, topic, payload, headers)
                        VALUES (:id, :aggregateType, :aggregateId, :type, :topic, :payload, :headers)""")
                .bind("id", id)
                .bind("aggregateType", type.aggregate())
                .bind("aggregateId", event.key())
                .bind("type", type.ceType())
                .bind("topic", type.topic())
                .bind("payload", Json.of(jsonMapper.writeValueAsBytes(event)))
                .bind("headers", Json.of(jsonMapper.writeValueAsBytes(headers)))
                .then();
    }
}

package fr.portailfamilles.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.r2dbc.core.DatabaseClient;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The parking lot of one consumer: {@code messaging.parked_event} in its own database. */
public class ParkedEvents {

    private static final int ERROR_MAX_CHARS = 2_000;
    private static final int LIST_LIMIT = 500;

    private static final String SELECT_COLUMNS = """
            SELECT id, consumer, topic, kafka_partition, kafka_offset, record_key, event_id, event_type,
                headers::text AS headers, payload, error, parked_at, replayed_at""";

    private final DatabaseClient database;
    private final JsonMapper jsonMapper;
    private final String consumer;

    public ParkedEvents(DatabaseClient database, JsonMapper jsonMapper, String consumer) {
        this.database = database;
        this.jsonMapper = jsonMapper;
        this.consumer = consumer;
    }

    /** Keeps the record and why it failed; a record already parked (redelivered after a crash) stays one row. */
    public Mono<Void> park(ConsumerRecord<?, ?> record, Throwable cause) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        INSERT INTO messaging.parked_event (id, consumer, topic, kafka_partition, kafka_offset, record_key,
                            event_id, event_type, headers, payload, error)
                        VALUES (:id, :consumer, :topic, :partition, :offset, :key, :eventId, :eventType,
                            CAST(:headers AS jsonb), :payload, :error)
                        ON CONFLICT (consumer, topic, kafka_partition, kafka_offset) DO NOTHING""")
                .bind("id", UUID.randomUUID())
                .bind("consumer", consumer)
                .bind("topic", record.topic())
                .bind("partition", record.partition())
                .bind("offset", record.offset())
                .bind("headers", jsonMapper.writeValueAsString(headers))
                .bind("error", describe(cause));
        insert = bindNullable(insert, "key", text(record.key()), String.class);
        insert = bindNullable(insert, "eventId", headers.get(CloudEventHeaders.ID), String.class);
        insert = bindNullable(insert, "eventType", headers.get(CloudEventHeaders.TYPE), String.class);
        insert = bindNullable(insert, "payload", bytes(record.value()), byte[].class);
        return insert.then();
    }

    /** What still waits for an operator, oldest first. */
    public Flux<ParkedEvent> waiting() {
        return database.sql(SELECT_COLUMNS + " FROM messaging.parked_event WHERE replayed_at IS NULL ORDER BY parked_at LIMIT " + LIST_LIMIT)
                .map(this::parkedEvent).all();
    }

    public Mono<ParkedEvent> find(UUID id) {
        return database.sql(SELECT_COLUMNS + " FROM messaging.parked_event WHERE id = :id").bind("id", id)
                .map(this::parkedEvent).one();
    }

    /** Emits false when someone else replayed it first. */
    public Mono<Boolean> markReplayed(UUID id) {
        return database.sql("UPDATE messaging.parked_event SET replayed_at = clock_timestamp() WHERE id = :id AND replayed_at IS NULL")
                .bind("id", id).fetch().rowsUpdated().map(updated -> updated > 0);
    }

    /** A replay that failed again: the event stays parked with the newest reason. */
    public Mono<Void> recordError(UUID id, Throwable cause) {
        return database.sql("UPDATE messaging.parked_event SET error = :error WHERE id = :id")
                .bind("id", id).bind("error", describe(cause)).then();
    }

    /** Parked events not yet replayed, per topic. */
    public Mono<Map<String, Long>> countsByTopic() {
        return database.sql("SELECT topic, count(*) AS parked FROM messaging.parked_event WHERE replayed_at IS NULL GROUP BY topic")
                .map(row -> Map.entry(row.get("topic", String.class), row.get("parked", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Each cause in the chain, outermost first: the useful reason is often the innermost one. */
    static String describe(Throwable cause) {
        StringBuilder text = new StringBuilder();
        for (Throwable current = cause; current != null && text.length() < ERROR_MAX_CHARS; current = current.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(current.getClass().getSimpleName()).append(": ").append(current.getMessage());
            if (current.getCause() == current) {
                break;
            }
        }
        return text.length() > ERROR_MAX_CHARS ? text.substring(0, ERROR_MAX_CHARS) : text.toString();
    }

    private ParkedEvent parkedEvent(Readable row) {
        Map<String, String> headers = jsonMapper.readValue(row.get("headers", String.class), new TypeReference<Map<String, String>>() { });
        return new ParkedEvent(row.get("id", UUID.class), row.get("consumer", String.class), row.get("topic", String.class),
                row.get("kafka_partition", Integer.class), row.get("kafka_offset", Long.class), row.get("record_key", String.class),
                row.get("event_id", String.class), row.get("event_type", String.class), headers, row.get("payload", byte[].class),
                row.get("error", String.class), row.get("parked_at", Instant.class), row.get("replayed_at", Instant.class));
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
            T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] raw ? new String(raw, StandardCharsets.UTF_8) : value.toString();
    }

    private static byte[] bytes(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] raw ? raw : value.toString().getBytes(StandardCharsets.UTF_8);
    }
}

package fr.portailfamilles.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import fr.portailfamilles.events.EventType;
import fr.portailfamilles.events.IntegrationEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes an event to the test broker exactly as another service's outbox relay would (CloudEvents
 * headers, key, topic), so a consumer is tested against the real wire format. The same id twice is a
 * redelivery.
 */
public final class TestEventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());

    /** Publishes with a fresh id and returns it. */
    public String publish(IntegrationEvent event) {
        String id = UUID.randomUUID().toString();
        publish(event, id);
        return id;
    }

    public void publish(IntegrationEvent event, String id) {
        EventType type = EventType.of(event.getClass());
        send(type, event.key(), event.subject(), JsonMapper.shared().writeValueAsString(event), id);
    }

    /** Any payload under an event type's headers (a poison event, a newer producer's); returns its fresh id. */
    public String publishRaw(EventType type, String key, String payload) {
        String id = UUID.randomUUID().toString();
        send(type, key, key, payload, id);
        return id;
    }

    private void send(EventType type, String key, String subject, String payload, String id) {
        var record = new ProducerRecord<>(type.topic(), key, payload);
        header(record, "ce_id", id);
        header(record, "ce_type", type.ceType());
        header(record, "ce_source", "/portail-familles/test");
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_subject", subject);
        header(record, "ce_specversion", "1.0");
        header(record, "content-type", "application/json");
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException("Could not publish " + type.ceType(), ex);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}

package fr.portailfamilles.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import fr.portailfamilles.events.Topics;
import fr.portailfamilles.events.account.AccountRequestReceived;
import fr.portailfamilles.testsupport.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Account requests sent straight to Kafka as a producer would, payload bytes chosen by the test (an extra
 * field, garbage): what the consumer meets, without the outbox in between.
 */
final class RawEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    private final JsonMapper jsonMapper;

    RawEvents(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** Sends the event as its producer serialises it; returns its message id (ce_id). */
    String send(AccountRequestReceived event) {
        return send(event.key(), jsonMapper.writeValueAsBytes(event));
    }

    /** Sends the event with a field a newer producer added (ADR 0002: additive within a version). */
    String sendWithExtraField(AccountRequestReceived event) {
        ObjectNode json = jsonMapper.valueToTree(event);
        json.put("addedByANewerProducer", "ignored by older consumers");
        return send(event.key(), jsonMapper.writeValueAsBytes(json));
    }

    /** Sends any bytes under the event's type and key. */
    String send(String key, byte[] payload) {
        String messageId = UUID.randomUUID().toString();
        var record = new ProducerRecord<String, byte[]>(Topics.ACCOUNT_REQUEST, key, payload);
        Map.of("ce_id", messageId,
                        "ce_type", "account.AccountRequestReceived.v1",
                        "ce_source", "/portail-familles/test",
                        "ce_time", Instant.now().toString(),
                        "ce_subject", key,
                        "ce_specversion", "1.0",
                        "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        }
        catch (Exception ex) {
            throw new IllegalStateException("Could not send the test record", ex);
        }
        return messageId;
    }

    @Override
    public void close() {
        producer.close();
    }
}

package fr.portailfamilles.platform.outbox;

import static fr.portailfamilles.platform.outbox.TestData.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.events.Topics;
import fr.portailfamilles.events.account.AccountRequestReceived;
import fr.portailfamilles.testsupport.TopicProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** Several service instances relay the same outbox: {@code FOR UPDATE SKIP LOCKED} shares the rows out. */
@OutboxIntegrationTest
class OutboxRelayConcurrencyIT {

    private static final int ROWS = 500;

    @Autowired
    OutboxTestApplication.Notes notes;

    @Autowired
    OutboxRelay contextRelay;

    @Autowired
    DatabaseClient database;

    @Autowired
    TransactionalOperator transactions;

    @Autowired
    JsonMapper jsonMapper;

    @Autowired
    OutboxProperties properties;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void whenTwoRelaysDrainTheSameOutboxThenEveryRowIsSentOnce() {
        List<AccountRequestReceived> events = IntStream.range(0, ROWS).mapToObj(i -> request("Famille " + i)).toList();
        List<KafkaTemplate<String, byte[]>> producers = new ArrayList<>();
        List<OutboxRelay> relays = new ArrayList<>();
        List<SimpleMeterRegistry> meters = new ArrayList<>();
        contextRelay.stop();
        try {
            notes.appendAll(events).block(Duration.ofSeconds(60));
            for (String instance : List.of("relay-a", "relay-b")) {
                KafkaTemplate<String, byte[]> producer = new OutboxAutoConfiguration().outboxKafkaTemplate(bootstrapServers, instance);
                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                producers.add(producer);
                meters.add(registry);
                relays.add(new OutboxRelay(database, transactions, producer, jsonMapper, properties, registry));
            }
            relays.forEach(OutboxRelay::start);

            await().atMost(Duration.ofSeconds(60)).until(() -> pending(events) == 0);
        }
        finally {
            relays.forEach(OutboxRelay::stop);
            producers.forEach(producer -> ((DefaultKafkaProducerFactory<?, ?>) producer.getProducerFactory()).destroy());
            contextRelay.start();
        }

        assertThat(meters).allSatisfy(registry -> assertThat(registry.get("outbox.events.published").counter().count())
                .as("both relays took part").isPositive());
        Set<String> keys = events.stream().map(AccountRequestReceived::key).collect(Collectors.toSet());
        try (TopicProbe probe = new TopicProbe(Topics.ACCOUNT_REQUEST)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.drain(record -> keys.contains(record.key()), Duration.ofMillis(500)).size() >= ROWS);
            List<ConsumerRecord<String, String>> sent = probe.drain(record -> keys.contains(record.key()), Duration.ofSeconds(2));
            Map<String, Long> copiesById = sent.stream()
                    .collect(Collectors.groupingBy(record -> TopicProbe.header(record, "ce_id"), Collectors.counting()));
            assertThat(copiesById).hasSize(ROWS);
            assertThat(copiesById.values()).containsOnly(1L);
            assertThat(sent.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(keys);
        }
    }

    private long pending(List<AccountRequestReceived> events) {
        return database.sql("""
                        SELECT count(*) FROM messaging.outbox_event
                        WHERE aggregateid = ANY(:keys) AND published_at IS NULL""")
                .bind("keys", events.stream().map(AccountRequestReceived::key).toArray(String[]::new))
                .map(row -> row.get(0, Long.class)).one().block();
    }
}

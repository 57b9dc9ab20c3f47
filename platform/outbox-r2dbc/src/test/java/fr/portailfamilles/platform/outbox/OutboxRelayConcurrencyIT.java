package fr.portailfamilles.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three service instances relay the same outbox to the real broker: every event is published exactly once, and
 * each aggregate's events reach Kafka in the order they were written, whichever relay sent them.
 */
@OutboxIntegrationTest
class OutboxRelayConcurrencyIT {

    private static final int AGGREGATES = 80;
    private static final int EVENTS_PER_AGGREGATE = 25;
    private static final int ROWS = AGGREGATES * EVENTS_PER_AGGREGATE;

    @Autowired
    Outbox outbox;

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
    void whenThreeRelaysDrainTheSameOutboxThenEveryEventIsSentOnceAndInOrderPerAggregate() {
        List<UUID> aggregates = IntStream.range(0, AGGREGATES).mapToObj(i -> UUID.randomUUID()).toList();
        List<KafkaTemplate<String, byte[]>> producers = new ArrayList<>();
        List<OutboxRelay> relays = new ArrayList<>();
        List<SimpleMeterRegistry> meters = new ArrayList<>();
        contextRelay.stop();
        try {
            // Written round by round (event n of every aggregate, then n + 1): a batch of 100 holds one or two events
            // of each aggregate, so relays sending batches side by side would reorder nearly every aggregate.
            for (int sequence = 0; sequence < EVENTS_PER_AGGREGATE; sequence++) {
                int round = sequence;
                transactions.transactional(Flux.fromIterable(aggregates)
                        .concatMap(aggregate -> outbox.append(event(aggregate, round)))
                        .then()).block(Duration.ofSeconds(60));
            }
            for (String instance : List.of("relay-a", "relay-b", "relay-c")) {
                KafkaTemplate<String, byte[]> producer = new OutboxAutoConfiguration().outboxKafkaTemplate(bootstrapServers, instance);
                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                producers.add(producer);
                meters.add(registry);
                relays.add(new OutboxRelay(database, transactions, producer, jsonMapper, properties, registry,
                        new ClusterJobs(database, instance)));
            }
            relays.forEach(OutboxRelay::start);

            await().atMost(Duration.ofSeconds(180)).until(() -> pending(aggregates) == 0);
        }
        finally {
            relays.forEach(OutboxRelay::stop);
            producers.forEach(producer -> ((DefaultKafkaProducerFactory<?, ?>) producer.getProducerFactory()).destroy());
            contextRelay.start();
        }

        double sent = meters.stream().mapToDouble(registry -> registry.get("outbox.events.published").counter().count()).sum();
        assertThat(sent).as("acknowledged sends, all relays together").isEqualTo(ROWS);
        Set<String> keys = aggregates.stream().map(UUID::toString).collect(Collectors.toSet());
        try (TopicProbe probe = new TopicProbe(Topics.ACCOUNT_REQUEST)) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> probe.drain(record -> keys.contains(record.key()), Duration.ofMillis(500)).size() >= ROWS);
            List<ConsumerRecord<String, String>> received = probe.drain(record -> keys.contains(record.key()), Duration.ofSeconds(2));

            Map<String, Long> copiesById = received.stream()
                    .collect(Collectors.groupingBy(record -> TopicProbe.header(record, "ce_id"), Collectors.counting()));
            assertThat(copiesById).as("one record per outbox row").hasSize(ROWS);
            assertThat(copiesById.values()).as("no event published twice").containsOnly(1L);
            // One key, one partition: the records of a key come back in the order the broker stored them.
            Map<String, List<Integer>> sequencesByKey = received.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                    Collectors.mapping(this::sequence, Collectors.toList())));
            List<Integer> written = IntStream.range(0, EVENTS_PER_AGGREGATE).boxed().toList();
            assertThat(sequencesByKey).hasSize(AGGREGATES);
            assertThat(sequencesByKey).allSatisfy((key, sequences) -> assertThat(sequences).as("events of " + key)
                    .isEqualTo(written));
        }
        // The consumer group on the other side (the test application's inbox) handles them once each, in order too.
        await().atMost(Duration.ofSeconds(120)).until(() -> handled(aggregates).size() == ROWS);
        Map<String, List<Integer>> handledByKey = handled(aggregates).stream().collect(Collectors.groupingBy(
                row -> row[0], Collectors.mapping(row -> Integer.parseInt(row[1].substring("Famille ".length())),
                        Collectors.toList())));
        assertThat(handledByKey).allSatisfy((key, sequences) -> assertThat(sequences).as("handled for " + key)
                .isEqualTo(IntStream.range(0, EVENTS_PER_AGGREGATE).boxed().toList()));
    }

    /** {request id, family name} of each handler run on these aggregates, in the order they ran. */
    private List<String[]> handled(List<UUID> aggregates) {
        return database.sql("SELECT request_id::text AS request, family_name FROM handled WHERE request_id = ANY(:ids) ORDER BY handled.id")
                .bind("ids", aggregates.toArray(UUID[]::new))
                .map(row -> new String[] { row.get("request", String.class), row.get("family_name", String.class) })
                .all().collectList().block();
    }

    /** Event {@code sequence} of one aggregate: the same request id, its rank in the family name. */
    private static AccountRequestReceived event(UUID aggregate, int sequence) {
        return new AccountRequestReceived(aggregate, "Famille " + sequence, "parent-" + aggregate + "@exemple.fr", "Léa",
                "2026-2027", Instant.now());
    }

    private int sequence(ConsumerRecord<String, String> record) {
        String familyName = jsonMapper.readTree(record.value()).get("familyName").asString();
        return Integer.parseInt(familyName.substring("Famille ".length()));
    }

    private long pending(List<UUID> aggregates) {
        return database.sql("""
                        SELECT count(*) FROM messaging.outbox_event
                        WHERE aggregateid = ANY(:keys) AND published_at IS NULL""")
                .bind("keys", aggregates.stream().map(UUID::toString).toArray(String[]::new))
                .map(row -> row.get(0, Long.class)).one().block();
    }
}

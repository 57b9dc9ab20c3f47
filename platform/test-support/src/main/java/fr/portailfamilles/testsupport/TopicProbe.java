package fr.portailfamilles.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic of the test broker from the beginning, to assert on what a service really published. */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public TopicProbe(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Every record seen so far that matches, after polling up to {@code timeout} for at least one. */
    public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        do {
            consumer.poll(Duration.ofMillis(250)).forEach(seen::add);
            if (seen.stream().anyMatch(match)) {
                break;
            }
        } while (Instant.now().isBefore(deadline));
        return seen.stream().filter(match).toList();
    }

    /** Keeps polling for {@code quietPeriod} and returns all matches: for "exactly once" assertions. */
    public List<ConsumerRecord<String, String>> drain(Predicate<ConsumerRecord<String, String>> match, Duration quietPeriod) {
        Instant deadline = Instant.now().plus(quietPeriod);
        while (Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(250)).forEach(seen::add);
        }
        return seen.stream().filter(match).toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}

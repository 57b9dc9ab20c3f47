package fr.portailfamilles.platform.outbox;

import static fr.portailfamilles.platform.outbox.OutboxTestApplication.FAIL_ALWAYS;
import static fr.portailfamilles.platform.outbox.OutboxTestApplication.FAIL_TWICE;
import static fr.portailfamilles.platform.outbox.TestData.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import fr.portailfamilles.events.Topics;
import fr.portailfamilles.events.account.AccountRequestReceived;
import fr.portailfamilles.testsupport.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/** The consuming half through a real Spring Cloud Stream binding: once per message id, retries. */
@OutboxIntegrationTest
class InboxIT {

    @Autowired
    OutboxTestApplication.Notes notes;

    @Autowired
    OutboxTestApplication.Handler handler;

    @Autowired
    DatabaseClient database;

    @Autowired
    JsonMapper jsonMapper;

    @Autowired
    ParkedEvents parkedEvents;

    TestData data;

    @BeforeEach
    void setUp() {
        data = new TestData(database);
    }

    @Test
    void whenTheSameMessageIsDeliveredTwiceThenTheHandlerRunsOnce() throws Exception {
        AccountRequestReceived event = request("Garnier");
        String messageId = UUID.randomUUID().toString();
        String otherMessageId = UUID.randomUUID().toString();

        try (KafkaProducer<String, byte[]> producer = producer()) {
            // Same key, so one partition, so the duplicate is consumed before the third record.
            producer.send(record(event, messageId)).get();
            producer.send(record(event, messageId)).get();
            producer.send(record(event, otherMessageId)).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> data.processedMessages(otherMessageId) == 1);
        assertThat(handler.runs(event.requestId())).as("one run per message id").isEqualTo(2);
        assertThat(data.handledRows(event)).isEqualTo(2);
        assertThat(data.processedMessages(messageId)).isOne();
    }

    @Test
    void whenAHandlerFailsThenTheBinderRetriesAndOnlyTheSuccessfulRunIsRecorded() {
        AccountRequestReceived event = request(FAIL_TWICE);

        notes.write(event, false).block();

        await().atMost(Duration.ofSeconds(30)).until(() -> data.handledRows(event) == 1);
        String messageId = data.outboxRow(event).id().toString();
        // Had a failed run kept the message id, the retry would have been skipped as a duplicate.
        assertThat(handler.runs(event.requestId())).isEqualTo(3);
        assertThat(data.processedMessages(messageId)).isOne();
    }

    @Test
    void whenAHandlerKeepsFailingThenTheEventIsRetriedPastTheOldBudgetNeverParkedAndHandledOnceItRecovers() {
        AccountRequestReceived event = request(FAIL_ALWAYS);

        notes.write(event, false).block();

        // A failure that is not marked permanent may be an outage: it is retried, never dropped or parked.
        await().atMost(Duration.ofSeconds(45)).until(() -> handler.runs(event.requestId()) >= 6);
        String messageId = data.outboxRow(event).id().toString();
        assertThat(data.processedMessages(messageId)).isZero();
        assertThat(data.handledRows(event)).as("each failed run rolled back").isZero();
        assertThat(parkedEvents.waiting().filter(parked -> messageId.equals(parked.eventId())).count().block()).isZero();

        handler.heal();
        await().atMost(Duration.ofSeconds(45)).until(() -> data.handledRows(event) == 1);
        assertThat(data.processedMessages(messageId)).isOne();
    }

    private ProducerRecord<String, byte[]> record(AccountRequestReceived event, String messageId) {
        var record = new ProducerRecord<String, byte[]>(Topics.ACCOUNT_REQUEST, event.key(), jsonMapper.writeValueAsBytes(event));
        Map.of("ce_id", messageId,
                        "ce_type", "account.AccountRequestReceived.v1",
                        "ce_source", "/portail-familles/test",
                        "ce_time", Instant.now().toString(),
                        "ce_subject", event.key(),
                        "ce_specversion", "1.0",
                        "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }
}

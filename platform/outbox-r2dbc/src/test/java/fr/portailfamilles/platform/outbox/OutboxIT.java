package fr.portailfamilles.platform.outbox;

import static fr.portailfamilles.platform.outbox.TestData.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import fr.portailfamilles.events.Topics;
import fr.portailfamilles.events.account.AccountRequestReceived;
import fr.portailfamilles.platform.outbox.TestData.OutboxRecord;
import fr.portailfamilles.testsupport.TestInfrastructure;
import fr.portailfamilles.testsupport.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.postgresql.codec.Json;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/** The writer and the relay against the real database and broker: published if and only if committed. */
@OutboxIntegrationTest
class OutboxIT {

    private static final Duration QUIET = Duration.ofSeconds(3);

    @Autowired
    OutboxTestApplication.Notes notes;

    @Autowired
    DatabaseClient database;

    @Autowired
    MeterRegistry meters;

    TestData data;

    @BeforeEach
    void setUp() {
        data = new TestData(database);
    }

    @Test
    void whenTheTransactionRollsBackThenNeitherTheChangeNorItsEventExists() {
        AccountRequestReceived event = request("Martin");

        StepVerifier.create(notes.write(event, true)).expectErrorMessage("failing after both writes").verify();

        assertThat(data.notes(event)).isZero();
        assertThat(data.outboxRows(event)).isZero();
        try (TopicProbe probe = new TopicProbe(Topics.ACCOUNT_REQUEST)) {
            assertThat(probe.drain(record -> event.key().equals(record.key()), QUIET)).isEmpty();
        }
    }

    @Test
    void whenTheTransactionCommitsThenTheEventIsPublishedOnceWithCloudEventsHeaders() {
        AccountRequestReceived event = request("Dupont");

        notes.write(event, false).block();

        assertThat(data.notes(event)).isOne();
        try (TopicProbe probe = new TopicProbe(Topics.ACCOUNT_REQUEST)) {
            List<ConsumerRecord<String, String>> records = probe.await(record -> event.key().equals(record.key()), Duration.ofSeconds(30));
            assertThat(records).hasSize(1);
            ConsumerRecord<String, String> record = records.get(0);
            OutboxRecord row = data.outboxRow(event);
            assertThat(TopicProbe.header(record, "ce_id")).isEqualTo(row.id().toString());
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("account.AccountRequestReceived.v1");
            assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/portail-familles/outbox-test");
            assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(event.requestId().toString());
            assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicProbe.header(record, "content-type")).isEqualTo("application/json");
            assertThat(Instant.parse(TopicProbe.header(record, "ce_time"))).isBetween(event.receivedAt().minusSeconds(5), Instant.now());
            assertThat(record.headers().lastHeader("__TypeId__")).as("no Java class name on the wire").isNull();
            var payload = JsonMapper.shared().readTree(record.value());
            assertThat(payload.get("requestId").asString()).isEqualTo(event.requestId().toString());
            assertThat(payload.get("familyName").asString()).isEqualTo("Dupont");
            assertThat(Instant.parse(payload.get("receivedAt").asString())).isEqualTo(event.receivedAt());

            await().atMost(Duration.ofSeconds(10)).until(() -> data.outboxRow(event).publishedAt() != null);
            assertThat(data.outboxRow(event).lastError()).isNull();
            assertThat(probe.drain(candidate -> event.key().equals(candidate.key()), QUIET)).hasSize(1);
        }
    }

    @Test
    void whenTheBrokerIsDownThenTheChangeCommitsAndItsEventGoesOutOnceTheBrokerIsBack() {
        AccountRequestReceived event = request("Lefebvre");
        // The relay retries the oldest pending row first: start from an empty queue so this row is it.
        await().atMost(Duration.ofSeconds(30)).until(() -> data.pendingRows() == 0);
        try {
            TestInfrastructure.kafka().stop();

            notes.write(event, false).block(Duration.ofSeconds(10));

            assertThat(data.notes(event)).as("the state change does not wait for the broker").isOne();
            await().atMost(Duration.ofSeconds(60)).until(() -> data.outboxRow(event).attempts() > 0);
            OutboxRecord waiting = data.outboxRow(event);
            assertThat(waiting.pending()).as("still pending, never parked for an outage").isTrue();
            assertThat(waiting.lastError()).isNotBlank();
        }
        finally {
            TestInfrastructure.kafka().start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> data.outboxRow(event).publishedAt() != null);
        assertThat(data.outboxRow(event).lastError()).isNull();
        try (TopicProbe probe = new TopicProbe(Topics.ACCOUNT_REQUEST)) {
            assertThat(probe.await(record -> event.key().equals(record.key()), Duration.ofSeconds(30))).isNotEmpty();
            assertThat(probe.drain(record -> event.key().equals(record.key()), QUIET)).hasSize(1);
        }
    }

    /**
     * The relay stops a pass at the first failure, so a later event of the same aggregate never overtakes
     * an earlier one. A row the broker refuses for its own sake (too large here) is therefore retried
     * first on every pass, holding the rows behind it back, until {@code max-attempts} (3 in this test)
     * parks it; then those rows go out. A parked row is never sent and stays for an operator.
     */
    @Test
    void whenTheBrokerRefusesARowThenItIsParkedAfterMaxAttemptsAndTheRowsBehindItFollow() {
        double parkedBefore = parkedCount();
        AccountRequestReceived tooLarge = request("x".repeat(1_100_000));
        AccountRequestReceived behind = request("Bernard");

        notes.appendAll(List.of(tooLarge, behind)).block();

        await().atMost(Duration.ofSeconds(30)).until(() -> data.outboxRow(tooLarge).parkedAt() != null);
        OutboxRecord parked = data.outboxRow(tooLarge);
        assertThat(parked.attempts()).isEqualTo(3);
        assertThat(parked.lastError()).contains("RecordTooLargeException");
        assertThat(parked.publishedAt()).isNull();
        assertThat(parkedCount()).isEqualTo(parkedBefore + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> data.outboxRow(behind).publishedAt() != null);
        try (TopicProbe probe = new TopicProbe(Topics.ACCOUNT_REQUEST)) {
            assertThat(probe.await(record -> behind.key().equals(record.key()), Duration.ofSeconds(30))).hasSize(1);
            assertThat(probe.drain(record -> tooLarge.key().equals(record.key()), QUIET)).isEmpty();
        }
    }

    @Test
    void whenARowNamesAnInvalidTopicThenItIsParkedAndTheRowsBehindItFollow() {
        double parkedBefore = parkedCount();
        AccountRequestReceived misrouted = request("Moreau");
        insertRawRow(misrouted, "not a valid topic!");
        AccountRequestReceived behind = request("Petit");
        notes.appendAll(List.of(behind)).block();

        await().atMost(Duration.ofSeconds(30)).until(() -> data.outboxRow(misrouted).parkedAt() != null);
        OutboxRecord parked = data.outboxRow(misrouted);
        assertThat(parked.attempts()).isEqualTo(3);
        assertThat(parked.lastError()).contains("InvalidTopicException");
        assertThat(parkedCount()).isEqualTo(parkedBefore + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> data.outboxRow(behind).publishedAt() != null);
    }

    private double parkedCount() {
        return meters.get("outbox.events.parked").counter().count();
    }

    /** A row as a buggy writer or a hand-made fix could leave it: only the topic is wrong. */
    private void insertRawRow(AccountRequestReceived event, String topic) {
        UUID id = UUID.randomUUID();
        String headers = """
                {"ce_id": "%1$s", "ce_type": "account.AccountRequestReceived.v1", "ce_source": "/portail-familles/outbox-test",
                 "ce_time": "%2$s", "ce_subject": "%3$s", "ce_specversion": "1.0", "content-type": "application/json"}"""
                .formatted(id, Instant.now(), event.key());
        database.sql("""
                        INSERT INTO messaging.outbox_event (id, aggregatetype, aggregateid, type, topic, payload, headers)
                        VALUES (:id, 'account-request', :key, 'account.AccountRequestReceived.v1', :topic, :payload, :headers)""")
                .bind("id", id)
                .bind("key", event.key())
                .bind("topic", topic)
                .bind("payload", Json.of(JsonMapper.shared().writeValueAsString(event).getBytes(StandardCharsets.UTF_8)))
                .bind("headers", Json.of(headers))
                .then()
                .block();
    }
}

package fr.portailfamilles.platform.outbox;

import static fr.portailfamilles.platform.outbox.OutboxTestApplication.POISON;
import static fr.portailfamilles.platform.outbox.TestData.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import fr.portailfamilles.events.Topics;
import fr.portailfamilles.events.account.AccountRequestReceived;
import fr.portailfamilles.platform.web.ProblemException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** Events that can never be handled as they are: parked at once, visible, replayable, and never in the way. */
@OutboxIntegrationTest
class ParkingIT {

    @Autowired
    OutboxTestApplication.Handler handler;

    @Autowired
    ParkedEvents parkedEvents;

    @Autowired
    ParkedEventReplay replay;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DatabaseClient database;

    @Autowired
    JsonMapper jsonMapper;

    @Test
    void whenAnEventIsPermanentlyInvalidThenItIsParkedVisibleAndReplayableAfterAFixAndItsPartitionKeepsFlowing() {
        AccountRequestReceived poison = request(POISON);
        AccountRequestReceived next = request("Suivant");
        String poisonId;
        String nextId;
        try (RawEvents events = new RawEvents(jsonMapper)) {
            // Same key, so the same partition, the poison first.
            poisonId = events.send(poison);
            nextId = events.send(poison.key(), jsonMapper.writeValueAsBytes(next));
        }

        TestData data = new TestData(database);
        await().atMost(Duration.ofSeconds(30)).until(() -> data.processedMessages(nextId) == 1);
        ParkedEvent parked = waitingFor(poisonId).orElseThrow();
        assertThat(parked.topic()).isEqualTo(Topics.ACCOUNT_REQUEST);
        assertThat(parked.eventType()).isEqualTo("account.AccountRequestReceived.v1");
        assertThat(parked.error()).contains("NonRetryableEventException", "a family named poison is refused");
        assertThat(parked.payload()).contains(poison.requestId().toString());
        assertThat(handler.runs(poison.requestId())).as("parked at once, not retried").isOne();
        await().atMost(Duration.ofSeconds(10)).until(() -> parkedGauge() >= 1);

        assertThatThrownBy(() -> replay.replay(parked.id()).block())
                .as("a replay before the fix fails and keeps the event parked")
                .isInstanceOf(ProblemException.class);
        assertThat(waitingFor(poisonId)).isPresent();

        handler.fixPoison();
        ParkedEvent replayed = replay.replay(parked.id()).block();

        assertThat(replayed.replayedAt()).isNotNull();
        assertThat(data.handledRows(poison)).isOne();
        assertThat(data.processedMessages(poisonId)).isOne();
        assertThat(waitingFor(poisonId)).isEmpty();
        assertThatThrownBy(() -> replay.replay(parked.id()).block()).as("replayed once").isInstanceOf(ProblemException.class);
        assertThat(data.handledRows(poison)).isOne();
    }

    @Test
    void whenAPayloadCannotBeDecodedThenItIsParkedAndTheNextEventIsHandled() {
        AccountRequestReceived next = request("Après illisible");
        String garbageId;
        String nextId;
        try (RawEvents events = new RawEvents(jsonMapper)) {
            garbageId = events.send(next.key(), "{\"requestId\": 42, ".getBytes(StandardCharsets.UTF_8));
            nextId = events.send(next);
        }

        TestData data = new TestData(database);
        await().atMost(Duration.ofSeconds(30)).until(() -> data.processedMessages(nextId) == 1);
        ParkedEvent parked = waitingFor(garbageId).orElseThrow();
        assertThat(parked.error()).contains("Undecodable account.AccountRequestReceived.v1");
        assertThat(parked.payload()).isEqualTo("{\"requestId\": 42, ");
    }

    private Optional<ParkedEvent> waitingFor(String eventId) {
        return Optional.ofNullable(parkedEvents.waiting().filter(parked -> eventId.equals(parked.eventId())).next().block());
    }

    private double parkedGauge() {
        Gauge gauge = meters.find("portail.events.parked").tag("topic", Topics.ACCOUNT_REQUEST).gauge();
        return gauge == null ? 0 : gauge.value();
    }
}

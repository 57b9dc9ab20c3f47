package fr.portailfamilles.platform.outbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

import fr.portailfamilles.events.account.AccountRequestReceived;

/** Sample events and the queries the tests assert on, straight from the tables. */
final class TestData {

    private final DatabaseClient database;

    TestData(DatabaseClient database) {
        this.database = database;
    }

    static AccountRequestReceived request(String familyName) {
        UUID id = UUID.randomUUID();
        return new AccountRequestReceived(id, familyName, "parent-" + id + "@exemple.fr", "Léa", "2026-2027", Instant.now());
    }

    /** The outbox row of an aggregate, or {@code null} when there is none. */
    OutboxRecord outboxRow(AccountRequestReceived event) {
        return database.sql("""
                        SELECT id, topic, published_at, attempts, last_error, parked_at
                        FROM messaging.outbox_event WHERE aggregateid = :key""")
                .bind("key", event.key())
                .map(row -> new OutboxRecord(row.get("id", UUID.class), row.get("topic", String.class),
                        row.get("published_at", OffsetDateTime.class), row.get("attempts", Integer.class),
                        row.get("last_error", String.class), row.get("parked_at", OffsetDateTime.class)))
                .one()
                .block();
    }

    long count(String sql, Object id) {
        return database.sql(sql).bind("id", id).map(row -> row.get(0, Long.class)).one().block();
    }

    long notes(AccountRequestReceived event) {
        return count("SELECT count(*) FROM note WHERE id = :id", event.requestId());
    }

    long outboxRows(AccountRequestReceived event) {
        return count("SELECT count(*) FROM messaging.outbox_event WHERE aggregateid = :id", event.key());
    }

    long pendingRows() {
        return database.sql("SELECT count(*) FROM messaging.outbox_event WHERE published_at IS NULL AND parked_at IS NULL")
                .map(row -> row.get(0, Long.class)).one().block();
    }

    long handledRows(AccountRequestReceived event) {
        return count("SELECT count(*) FROM handled WHERE request_id = :id", event.requestId());
    }

    long processedMessages(String messageId) {
        return count("SELECT count(*) FROM messaging.processed_message WHERE consumer = 'outbox-test' AND message_id = :id", messageId);
    }

    record OutboxRecord(UUID id, String topic, OffsetDateTime publishedAt, int attempts, String lastError, OffsetDateTime parkedAt) {

        boolean pending() {
            return publishedAt == null && parkedAt == null;
        }
    }
}

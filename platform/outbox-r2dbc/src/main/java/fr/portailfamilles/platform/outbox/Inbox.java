package fr.portailfamilles.platform.outbox;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

/**
 * Runs a handler once per (consumer, message id): the id is recorded in the handler's own transaction,
 * so a redelivered message finds it and is skipped, and a failed handler leaves no trace to retry.
 */
public class Inbox {

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    public Inbox(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    /** Emits {@code true} when the work ran, {@code false} when this message was already processed. */
    public Mono<Boolean> once(String consumer, String messageId, Mono<?> work) {
        return transactions.transactional(database.sql("""
                        INSERT INTO messaging.processed_message (consumer, message_id) VALUES (:consumer, :messageId)
                        ON CONFLICT DO NOTHING""")
                .bind("consumer", consumer)
                .bind("messageId", messageId)
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 0 ? Mono.just(false) : work.then(Mono.just(true))));
    }
}

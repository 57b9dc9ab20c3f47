package fr.portailfamilles.platform.outbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.events.account.AccountRequestReceived;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A minimal service on the outbox module, as a real one uses it: a state change and its event in one
 * reactive transaction, and a Spring Cloud Stream consumer dispatching through the inbox.
 */
@SpringBootApplication
public class OutboxTestApplication {

    /** A family name that makes {@link Handler} fail on every attempt until {@link Handler#heal()}. */
    static final String FAIL_ALWAYS = "fail-always";
    /** A family name that makes {@link Handler} refuse the event as permanently invalid until it is fixed. */
    static final String POISON = "poison";
    /** A family name that makes {@link Handler} fail on its first two attempts, then succeed. */
    static final String FAIL_TWICE = "fail-twice";

    @Bean
    EventHandlers accountRequestHandlers(Handler handler) {
        return EventHandlers.create().on(AccountRequestReceived.class, handler::handle);
    }

    @Bean
    Consumer<Message<byte[]>> accountRequests(InboundEvents inboundEvents, EventHandlers accountRequestHandlers) {
        return message -> inboundEvents.dispatch(message, accountRequestHandlers);
    }

    /** Writes a note and announces it, in one transaction; optionally fails after both writes. */
    @Service
    static class Notes {

        private final DatabaseClient database;
        private final Outbox outbox;
        private final TransactionalOperator transactions;

        Notes(DatabaseClient database, Outbox outbox, TransactionalOperator transactions) {
            this.database = database;
            this.outbox = outbox;
            this.transactions = transactions;
        }

        Mono<Void> write(AccountRequestReceived event, boolean failAfterWrites) {
            return transactions.transactional(insertNote(event)
                    .then(outbox.append(event))
                    .then(failAfterWrites ? Mono.error(new IllegalStateException("failing after both writes")) : Mono.empty()));
        }

        /** Several events in one transaction, in order (their {@code created_at} follows the insert order). */
        Mono<Void> appendAll(List<AccountRequestReceived> events) {
            return transactions.transactional(Flux.fromIterable(events).concatMap(outbox::append).then());
        }

        private Mono<Void> insertNote(AccountRequestReceived event) {
            return database.sql("INSERT INTO note (id, text) VALUES (:id, :text)")
                    .bind("id", event.requestId())
                    .bind("text", "Demande de " + event.familyName())
                    .then();
        }
    }

    /**
     * The consumer's handler: counts every run, stores a {@code handled} row, and fails on demand after
     * its write, so a test sees whether that write and the inbox row were rolled back.
     */
    @Component
    static class Handler {

        private final DatabaseClient database;
        private final Map<UUID, AtomicInteger> runs = new ConcurrentHashMap<>();
        private volatile boolean poisonFixed;
        private volatile boolean healed;

        Handler(DatabaseClient database) {
            this.database = database;
        }

        /** Counts when called, as a handler with a side effect in its body would: the inbox must guard that too. */
        Mono<Void> handle(AccountRequestReceived event) {
            int run = runs.computeIfAbsent(event.requestId(), id -> new AtomicInteger()).incrementAndGet();
            if (POISON.equals(event.familyName()) && !poisonFixed) {
                return Mono.error(new NonRetryableEventException("a family named " + POISON + " is refused, run " + run));
            }
            boolean fail = (FAIL_ALWAYS.equals(event.familyName()) && !healed) || (FAIL_TWICE.equals(event.familyName()) && run <= 2);
            return database.sql("INSERT INTO handled (request_id, family_name) VALUES (:id, :name)")
                    .bind("id", event.requestId())
                    .bind("name", event.familyName())
                    .then()
                    .then(fail ? Mono.error(new IllegalStateException("handler failure, run " + run)) : Mono.empty());
        }

        /** The outage behind {@link #FAIL_ALWAYS} ends. */
        void heal() {
            healed = true;
        }

        /** The fix an operator deploys before replaying: poison events are accepted from now on. */
        void fixPoison() {
            poisonFixed = true;
        }

        int runs(UUID requestId) {
            AtomicInteger count = runs.get(requestId);
            return count == null ? 0 : count.get();
        }
    }
}

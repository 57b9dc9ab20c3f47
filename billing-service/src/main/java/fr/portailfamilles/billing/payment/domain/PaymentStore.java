package fr.portailfamilles.billing.payment.domain;

import java.time.Instant;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class PaymentStore {

    private final DatabaseClient database;

    public PaymentStore(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Payment> insert(UUID invoiceId, UUID familyId, String operationId, int amountCents, Instant now) {
        return database.sql("""
                        INSERT INTO payment (invoice_id, family_id, operation_id, amount_cents, status, created_at)
                        VALUES (:invoiceId, :familyId, :operationId, :amountCents, 'PENDING', :now)
                        RETURNING *""")
                .bind("invoiceId", invoiceId).bind("familyId", familyId).bind("operationId", operationId)
                .bind("amountCents", amountCents).bind("now", now)
                .map(PaymentStore::payment).one();
    }

    /** Locked until the caller's transaction ends: one notification of an operation is applied at a time. */
    public Mono<Payment> lockByOperation(String operationId) {
        return database.sql("SELECT * FROM payment WHERE operation_id = :operationId FOR UPDATE")
                .bind("operationId", operationId)
                .map(PaymentStore::payment).one();
    }

    /** Empty when unknown or another family's. */
    public Mono<Payment> find(UUID familyId, UUID paymentId) {
        return database.sql("SELECT * FROM payment WHERE id = :id AND family_id = :familyId")
                .bind("id", paymentId).bind("familyId", familyId)
                .map(PaymentStore::payment).one();
    }

    /** Empty when unknown or another family's. */
    public Mono<Payment> findByOperation(UUID familyId, String operationId) {
        return database.sql("SELECT * FROM payment WHERE operation_id = :operationId AND family_id = :familyId")
                .bind("operationId", operationId).bind("familyId", familyId)
                .map(PaymentStore::payment).one();
    }

    /** A payment taken at the counter, PAID at once; the caller has just marked its invoice paid in the same transaction. */
    public Mono<Payment> insertCounter(UUID invoiceId, UUID familyId, int amountCents, PaymentMethod method, String reference,
            UUID recordedBy, Instant now) {
        UUID id = UUID.randomUUID();
        return database.sql("""
                        INSERT INTO payment (id, invoice_id, family_id, operation_id, amount_cents, status, result_code, created_at,
                            completed_at, method, reference, recorded_by)
                        VALUES (:id, :invoiceId, :familyId, :operationId, :amountCents, 'PAID', 'G', :now, :now, :method, :reference,
                            :recordedBy)
                        RETURNING *""")
                .bind("id", id).bind("invoiceId", invoiceId).bind("familyId", familyId).bind("operationId", "GUICHET-" + id)
                .bind("amountCents", amountCents).bind("now", now).bind("method", method.name())
                .bind("reference", Parameter.fromOrEmpty(reference, String.class)).bind("recordedBy", recordedBy)
                .map(PaymentStore::payment).one();
    }

    /** An invoice's payments, oldest first (staff). */
    public Flux<Payment> ofInvoice(UUID invoiceId) {
        return database.sql("SELECT * FROM payment WHERE invoice_id = :invoiceId ORDER BY created_at")
                .bind("invoiceId", invoiceId)
                .map(PaymentStore::payment).all();
    }

    /** Payments made from {@code from} (inclusive) to {@code until} (exclusive), newest first, at most {@code limit} (staff). */
    public Flux<Payment> between(Instant from, Instant until, int limit) {
        return database.sql("SELECT * FROM payment WHERE created_at >= :from AND created_at < :until ORDER BY created_at DESC LIMIT :limit")
                .bind("from", from).bind("until", until).bind("limit", limit)
                .map(PaymentStore::payment).all();
    }

    /** Completes a pending payment; false when it was no longer pending. */
    public Mono<Boolean> complete(UUID paymentId, PaymentStatus status, String resultCode, Instant now) {
        return database.sql("""
                        UPDATE payment SET status = :status, result_code = :resultCode, completed_at = :now
                        WHERE id = :id AND status = 'PENDING'""")
                .bind("id", paymentId).bind("status", status.name()).bind("resultCode", resultCode).bind("now", now)
                .fetch().rowsUpdated().map(updated -> updated == 1);
    }

    private static Payment payment(Readable row) {
        return new Payment(row.get("id", UUID.class), row.get("invoice_id", UUID.class), row.get("family_id", UUID.class),
                row.get("operation_id", String.class), row.get("amount_cents", Integer.class),
                PaymentStatus.valueOf(row.get("status", String.class)), row.get("result_code", String.class),
                row.get("created_at", Instant.class), row.get("completed_at", Instant.class),
                PaymentMethod.valueOf(row.get("method", String.class)), row.get("reference", String.class));
    }
}

package fr.portailfamilles.billing.payment.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.billing.invoice.domain.InvoiceStatus;
import fr.portailfamilles.billing.invoice.domain.InvoiceStore;
import fr.portailfamilles.billing.payment.domain.Payment;
import fr.portailfamilles.billing.payment.domain.PaymentStore;
import fr.portailfamilles.platform.outbox.IdempotencyKeys;
import fr.portailfamilles.platform.web.ProblemException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Payer cette facture": asks for an operation id (here: made up and kept, as the payment service would
 * hand one out) and sends the parent to the payment service with it. Nothing is paid here: the payment
 * service's signed notification decides (see {@link PaymentNotifications}). Idempotent on the
 * Idempotency-Key, scoped to the family.
 */
@Service
public class Payments {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final InvoiceStore invoices;
    private final PaymentStore payments;
    private final IdempotencyKeys idempotency;
    private final TransactionalOperator transactions;
    private final PaymentProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    public Payments(InvoiceStore invoices, PaymentStore payments, IdempotencyKeys idempotency, TransactionalOperator transactions,
            PaymentProperties properties, JsonMapper json, Clock clock) {
        this.invoices = invoices;
        this.payments = payments;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** @param redirectUrl where to send the parent: the payment service's page for this operation */
    public record Started(UUID paymentId, UUID invoiceId, String operationId, int amountCents, String redirectUrl) {
    }

    public record Answer(int status, Started started, boolean replayed) {
    }

    /** A payment of the family, as the parent's page shows it on return from the payment service. */
    public Mono<Payment> find(UUID familyId, UUID paymentId) {
        return payments.find(familyId, paymentId).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Paiement")));
    }

    public Mono<Answer> start(UUID familyId, UUID invoiceId, String key) {
        String caller = "family:" + familyId;
        return idempotency.claim(caller, key, "payment:" + invoiceId)
                .flatMap(stored -> stored.isPresent()
                        ? Mono.just(new Answer(stored.get().status(), json.readValue(stored.get().body(), Started.class), true))
                        : transactions.transactional(create(familyId, invoiceId, caller, key))
                                .onErrorResume(error -> idempotency.giveBack(caller, key).then(Mono.error(error))));
    }

    private Mono<Answer> create(UUID familyId, UUID invoiceId, String caller, String key) {
        return invoices.find(familyId, invoiceId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Facture")))
                .flatMap(invoice -> invoice.status() == InvoiceStatus.PAID
                        ? Mono.error(ProblemException.conflict("invoice-already-paid",
                                "La facture " + invoice.number() + " est déjà payée : rien de plus à régler."))
                        : payments.insert(invoice.id(), familyId, operationId(), invoice.totalCents(), clock.instant()))
                .flatMap(payment -> {
                    Started started = new Started(payment.id(), payment.invoiceId(), payment.operationId(), payment.amountCents(),
                            properties.serviceUrl() + payment.operationId());
                    return idempotency.complete(caller, key, HttpStatus.CREATED.value(), json.writeValueAsString(started))
                            .thenReturn(new Answer(HttpStatus.CREATED.value(), started, false));
                });
    }

    /** Unguessable, as PayFiP's idOp. */
    private static String operationId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

package fr.portailfamilles.billing.payment.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.billing.invoice.domain.Invoice;
import fr.portailfamilles.billing.invoice.domain.InvoiceStore;
import fr.portailfamilles.billing.payment.domain.Payment;
import fr.portailfamilles.billing.payment.domain.PaymentStatus;
import fr.portailfamilles.billing.payment.domain.PaymentStore;
import fr.portailfamilles.events.billing.PaymentReceived;
import fr.portailfamilles.events.billing.PaymentRefused;
import fr.portailfamilles.platform.outbox.Outbox;
import fr.portailfamilles.platform.web.ProblemException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payment service's server-to-server notification, the only truth about a payment: its HMAC
 * signature is checked first (nothing changes otherwise), then, in one transaction with the payment row
 * locked, P/V pay the invoice (a conditional update: of two payments of one invoice, one wins, the other
 * is kept as DUPLICATE to refund), R/Z refuse, A abandons. A notification for a payment no longer
 * pending changes nothing, so the payment service may repeat it.
 */
@Service
public class PaymentNotifications {

    private static final Logger log = LoggerFactory.getLogger(PaymentNotifications.class);
    private static final Set<String> CODES = Set.of("P", "V", "R", "Z", "A");

    private final PaymentStore payments;
    private final InvoiceStore invoices;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final PaymentProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    public PaymentNotifications(PaymentStore payments, InvoiceStore invoices, Outbox outbox, TransactionalOperator transactions,
            PaymentProperties properties, JsonMapper json, Clock clock) {
        this.payments = payments;
        this.invoices = invoices;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** What the payment service sends: its operation id and the PayFiP result code. */
    public record Notification(String operationId, String resultCode) {
    }

    public record Outcome(UUID paymentId, PaymentStatus status) {
    }

    public Mono<Outcome> receive(String body, String signature) {
        if (!PaymentSignature.verify(properties.secret(), body, signature)) {
            log.warn("Payment notification refused: bad signature");
            return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "payment-signature-invalid", "Signature refusée",
                    "Cette notification de paiement n'est pas signée par le service de paiement."));
        }
        Notification notification;
        try {
            notification = json.readValue(body, Notification.class);
        }
        catch (JacksonException ex) {
            notification = null;
        }
        if (notification == null || notification.operationId() == null || !CODES.contains(notification.resultCode())) {
            return Mono.error(ProblemException.invalid("payment-notification-invalid",
                    "Notification de paiement illisible : operationId et resultCode (P, V, R, Z ou A) sont attendus."));
        }
        Notification received = notification;
        return transactions.transactional(payments.lockByOperation(received.operationId())
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Opération de paiement")))
                .flatMap(payment -> apply(payment, received.resultCode())));
    }

    private Mono<Outcome> apply(Payment payment, String code) {
        if (payment.status() != PaymentStatus.PENDING) {
            log.info("Payment {} already {}: notification {} ignored", payment.id(), payment.status(), code);
            return Mono.just(new Outcome(payment.id(), payment.status()));
        }
        Instant now = clock.instant();
        return invoices.find(payment.invoiceId()).flatMap(invoice -> switch (code) {
            case "P", "V" -> invoices.markPaid(invoice.id(), now).flatMap(won -> won
                    ? complete(payment, PaymentStatus.PAID, code, now)
                            .then(invoices.unpaidCents(payment.familyId()))
                            .flatMap(unpaid -> outbox.append(new PaymentReceived(payment.id(), invoice.id(), payment.familyId(),
                                    invoice.number(), payment.amountCents(), code, unpaid, now)))
                            .thenReturn(new Outcome(payment.id(), PaymentStatus.PAID))
                    : duplicate(payment, invoice, code, now));
            case "R", "Z" -> complete(payment, PaymentStatus.REFUSED, code, now)
                    .then(outbox.append(new PaymentRefused(payment.id(), invoice.id(), payment.familyId(), invoice.number(),
                            payment.amountCents(), code, now)))
                    .thenReturn(new Outcome(payment.id(), PaymentStatus.REFUSED));
            default -> complete(payment, PaymentStatus.ABANDONED, code, now).thenReturn(new Outcome(payment.id(), PaymentStatus.ABANDONED));
        });
    }

    private Mono<Outcome> duplicate(Payment payment, Invoice invoice, String code, Instant now) {
        log.warn("Invoice {} was already paid: payment {} kept as DUPLICATE, to be refunded", invoice.number(), payment.id());
        return complete(payment, PaymentStatus.DUPLICATE, code, now).thenReturn(new Outcome(payment.id(), PaymentStatus.DUPLICATE));
    }

    private Mono<Void> complete(Payment payment, PaymentStatus status, String code, Instant now) {
        return payments.complete(payment.id(), status, code, now).then();
    }
}

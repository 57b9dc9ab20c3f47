package fr.portailfamilles.billing.payment.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.billing.invoice.domain.InvoiceStore;
import fr.portailfamilles.billing.payment.domain.Payment;
import fr.portailfamilles.billing.payment.domain.PaymentMethod;
import fr.portailfamilles.billing.payment.domain.PaymentStore;
import fr.portailfamilles.events.billing.PaymentReceived;
import fr.portailfamilles.platform.outbox.Outbox;
import fr.portailfamilles.platform.web.ProblemException;
import reactor.core.publisher.Mono;

/**
 * A payment taken at the counter (cash, cheque, CESU) for the whole invoice, recorded by staff. One
 * transaction: the invoice's conditional ISSUED → PAID update decides (a second click, or an online payment
 * that won a moment earlier, finds it paid: 409, nothing recorded), then the payment row and PaymentReceived
 * (result code G) in the outbox, so the parent's page, the unpaid total reservation-service blocks on and
 * the confirmation e-mail follow as for an online payment.
 */
@Service
public class CounterPayments {

    private final InvoiceStore invoices;
    private final PaymentStore payments;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final Clock clock;

    public CounterPayments(InvoiceStore invoices, PaymentStore payments, Outbox outbox, TransactionalOperator transactions, Clock clock) {
        this.invoices = invoices;
        this.payments = payments;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<Payment> record(UUID invoiceId, PaymentMethod method, String reference, UUID staffId) {
        if (method == null || method == PaymentMethod.ONLINE) {
            return Mono.error(ProblemException.invalid("payment-method-invalid",
                    "Un paiement au guichet est en espèces (CASH), par chèque (CHEQUE) ou en CESU (CESU)."));
        }
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        if (method != PaymentMethod.CASH && ref == null) {
            return Mono.error(ProblemException.invalid("payment-reference-missing",
                    "Indiquez le numéro du chèque ou des titres CESU."));
        }
        if (ref != null && ref.length() > 100) {
            return Mono.error(ProblemException.invalid("payment-reference-invalid", "La référence fait au plus 100 caractères."));
        }
        Instant now = clock.instant();
        return transactions.transactional(invoices.find(invoiceId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Facture")))
                .flatMap(invoice -> invoices.markPaid(invoice.id(), now).flatMap(won -> won
                        ? payments.insertCounter(invoice.id(), invoice.familyId(), invoice.totalCents(), method, ref, staffId, now)
                                .flatMap(payment -> invoices.unpaidCents(invoice.familyId())
                                        .flatMap(unpaid -> outbox.append(new PaymentReceived(payment.id(), invoice.id(),
                                                invoice.familyId(), invoice.number(), payment.amountCents(), "G", unpaid, now)))
                                        .thenReturn(payment))
                        : Mono.error(ProblemException.conflict("invoice-already-paid",
                                "La facture " + invoice.number() + " est déjà payée : rien n'a été enregistré.")))));
    }
}

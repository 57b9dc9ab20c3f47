package fr.portailfamilles.billing.payment.web;

import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.billing.invoice.application.InvoiceRun;
import fr.portailfamilles.billing.invoice.domain.Invoice;
import fr.portailfamilles.billing.payment.application.CounterPayments;
import fr.portailfamilles.billing.payment.domain.Payment;
import fr.portailfamilles.billing.payment.domain.PaymentMethod;
import fr.portailfamilles.billing.payment.domain.PaymentStore;
import fr.portailfamilles.platform.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff see payments, online and at the counter, and record a payment taken at the counter. */
@RestController
public class PaymentAdminController {

    /** A month's payments of a community fit; older ones by choosing the month. */
    static final int LIST_LIMIT = 500;

    private final PaymentStore payments;
    private final CounterPayments counter;

    public PaymentAdminController(PaymentStore payments, CounterPayments counter) {
        this.payments = payments;
        this.counter = counter;
    }

    @Operation(summary = "An invoice's payments, oldest first: online attempts and counter payments")
    @GetMapping("/api/admin/invoices/{id}/payments")
    public Flux<Payment> ofInvoice(@PathVariable UUID id) {
        return payments.ofInvoice(id);
    }

    @Operation(summary = "A counter payment of the whole invoice {method: CASH|CHEQUE|CESU, reference (cheque or CESU number)}: "
            + "the invoice is paid at once; 409 if it already was")
    @PostMapping("/api/admin/invoices/{id}/payments")
    public Mono<ResponseEntity<Payment>> record(@PathVariable UUID id, @RequestBody CounterPaymentForm form) {
        return CurrentUser.get()
                .flatMap(staff -> counter.record(id, form.method(), form.reference(), staff.userId()))
                .map(payment -> ResponseEntity.created(URI.create("/api/admin/invoices/" + id + "/payments")).body(payment));
    }

    @Operation(summary = "Payments made in a month (AAAA-MM, default the current one), newest first, at most 500")
    @GetMapping("/api/admin/payments")
    public Flux<Payment> list(@RequestParam(required = false) String month) {
        YearMonth chosen = month == null || month.isBlank() ? YearMonth.now(Invoice.PARIS) : InvoiceRun.month(month.strip());
        Instant from = chosen.atDay(1).atStartOfDay(Invoice.PARIS).toInstant();
        Instant until = chosen.plusMonths(1).atDay(1).atStartOfDay(Invoice.PARIS).toInstant();
        return payments.between(from, until, LIST_LIMIT);
    }

    public record CounterPaymentForm(PaymentMethod method, String reference) {
    }
}

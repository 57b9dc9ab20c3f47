package fr.portailfamilles.billing.payment.web;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.billing.payment.application.PaymentNotifications;
import fr.portailfamilles.billing.payment.application.PaymentSignature;
import fr.portailfamilles.billing.payment.application.Payments;
import fr.portailfamilles.billing.payment.domain.Payment;
import fr.portailfamilles.platform.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

/** Online payment of an invoice, PayFiP-style: the parent is sent to the payment service, whose signed notification decides. */
@RestController
public class PaymentController {

    private final Payments payments;
    private final PaymentNotifications notifications;

    public PaymentController(Payments payments, PaymentNotifications notifications) {
        this.payments = payments;
        this.notifications = notifications;
    }

    @Operation(summary = "Payer cette facture (Idempotency-Key required): a payment operation and the URL to send the parent to")
    @PostMapping("/api/invoices/{id}/payments")
    public Mono<ResponseEntity<Payments.Started>> start(@PathVariable UUID id,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return CurrentUser.requireFamilyId()
                .flatMap(familyId -> payments.start(familyId, id, key))
                .map(answer -> ResponseEntity.status(answer.status())
                        .header("Idempotent-Replayed", String.valueOf(answer.replayed()))
                        .body(answer.started()));
    }

    @Operation(summary = "A payment of the caller's family: PENDING until the payment service's notification, then PAID, REFUSED, "
            + "ABANDONED or DUPLICATE (to be refunded), with the result code")
    @GetMapping("/api/payments/{id}")
    public Mono<Payment> payment(@PathVariable UUID id) {
        return CurrentUser.requireFamilyId().flatMap(familyId -> payments.find(familyId, id));
    }

    @Operation(summary = "The payment service's server-to-server notification {operationId, resultCode}, signed with HMAC-SHA256 "
            + "in " + PaymentSignature.HEADER + "; no token")
    @PostMapping("/api/payments/notifications")
    public Mono<PaymentNotifications.Outcome> notification(@RequestBody String body,
            @RequestHeader(name = PaymentSignature.HEADER, required = false) String signature) {
        return notifications.receive(body, signature);
    }
}

package fr.portailfamilles.billing.payment.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One payment of an invoice: an online attempt (method ONLINE; the operation id is what the payment service
 * knows it by) or a payment taken at the counter (CASH, CHEQUE, CESU; result code G, reference the cheque or
 * CESU number).
 */
public record Payment(UUID id, UUID invoiceId, UUID familyId, String operationId, int amountCents, PaymentStatus status,
        String resultCode, Instant createdAt, Instant completedAt, PaymentMethod method, String reference) {
}

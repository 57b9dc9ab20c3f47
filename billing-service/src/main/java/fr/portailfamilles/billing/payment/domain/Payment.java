package fr.portailfamilles.billing.payment.domain;

import java.time.Instant;
import java.util.UUID;

/** One online payment attempt of an invoice; the operation id is what the payment service knows it by. */
public record Payment(UUID id, UUID invoiceId, UUID familyId, String operationId, int amountCents, PaymentStatus status,
        String resultCode, Instant createdAt, Instant completedAt) {
}

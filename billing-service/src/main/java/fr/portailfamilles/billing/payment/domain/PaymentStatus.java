package fr.portailfamilles.billing.payment.domain;

/**
 * PENDING until the payment service's notification: PAID (P, V), REFUSED (R, Z), ABANDONED (A), or
 * DUPLICATE when it was paid while another payment had already paid the invoice (to be refunded).
 */
public enum PaymentStatus {
    PENDING, PAID, REFUSED, ABANDONED, DUPLICATE
}

package fr.portailfamilles.billing.payment.domain;

/** How an invoice was paid: online (PayFiP-like) or at the service's counter (cash, cheque, CESU). */
public enum PaymentMethod {
    ONLINE, CASH, CHEQUE, CESU
}

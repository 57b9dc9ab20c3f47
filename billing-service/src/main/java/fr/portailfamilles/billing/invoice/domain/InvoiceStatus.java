package fr.portailfamilles.billing.invoice.domain;

public enum InvoiceStatus {
    ISSUED, PAID
}

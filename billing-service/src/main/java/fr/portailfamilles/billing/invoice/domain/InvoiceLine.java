package fr.portailfamilles.billing.invoice.domain;

import java.time.LocalDate;
import java.util.UUID;

/** One booked day on an invoice, priced when the invoice was issued (euro cents). */
public record InvoiceLine(UUID reservationId, UUID childId, String childFirstName, LocalDate date, String unit, boolean meal,
        boolean lateCancelled, int unitPriceCents, int mealPriceCents, int amountCents) {
}

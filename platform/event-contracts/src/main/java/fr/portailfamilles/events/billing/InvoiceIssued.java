package fr.portailfamilles.events.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/**
 * A monthly invoice was issued to a family for one structure (amounts in euro cents).
 * {@code familyUnpaidCents} is the family's total still unpaid once this invoice counts, so a service
 * can block a family above a threshold without keeping the invoices.
 */
@Event(domain = "billing", aggregate = "invoice")
public record InvoiceIssued(
        UUID invoiceId,
        UUID familyId,
        String number,
        UUID structureId,
        String structureName,
        String month,
        int amountCents,
        LocalDate dueDate,
        int familyUnpaidCents,
        Instant issuedAt) implements IntegrationEvent {

    @Override
    public String key() {
        return familyId.toString();
    }
}

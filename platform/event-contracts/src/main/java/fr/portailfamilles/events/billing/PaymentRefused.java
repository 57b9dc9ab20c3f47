package fr.portailfamilles.events.billing;

import java.time.Instant;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/** An online payment of an invoice was refused (PayFiP result code R or Z): the invoice stays unpaid. */
@Event(domain = "billing", aggregate = "invoice")
public record PaymentRefused(
        UUID paymentId,
        UUID invoiceId,
        UUID familyId,
        String number,
        int amountCents,
        String resultCode,
        Instant refusedAt) implements IntegrationEvent {

    @Override
    public String key() {
        return familyId.toString();
    }
}

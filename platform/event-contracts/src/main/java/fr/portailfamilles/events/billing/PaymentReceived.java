package fr.portailfamilles.events.billing;

import java.time.Instant;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/**
 * An invoice was paid online (PayFiP result code P: card, V: direct debit) or at the counter (G: cash, cheque
 * or CESU, recorded by staff; added within v1, no consumer reads the code), amounts in euro cents;
 * {@code familyUnpaidCents} is what the family still owes once this invoice is paid.
 */
@Event(domain = "billing", aggregate = "invoice")
public record PaymentReceived(
        UUID paymentId,
        UUID invoiceId,
        UUID familyId,
        String number,
        int amountCents,
        String resultCode,
        int familyUnpaidCents,
        Instant paidAt) implements IntegrationEvent {

    @Override
    public String key() {
        return familyId.toString();
    }
}

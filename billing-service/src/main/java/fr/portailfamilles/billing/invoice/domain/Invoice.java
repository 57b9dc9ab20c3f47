package fr.portailfamilles.billing.invoice.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** A monthly invoice of a family at one structure, amounts in euro cents; name and address as printed. */
public record Invoice(UUID id, String number, UUID familyId, String familyName, String familyAddress, Integer quotientFamilial,
        UUID structureId, String structureName, String month, int totalCents, InvoiceStatus status, Instant issuedAt,
        LocalDate dueDate, Instant paidAt) {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Days after publication during which a question about the invoice goes to the structure (guide step 16). */
    public static final int CONTEST_DAYS = 10;

    /** Days after publication to pay. */
    public static final int PAYMENT_DAYS = 30;

    public LocalDate contestUntil() {
        return issuedAt.atZone(PARIS).toLocalDate().plusDays(CONTEST_DAYS);
    }
}

package fr.portailfamilles.notification.notification.application;

import static fr.portailfamilles.notification.notification.application.NotificationMapping.of;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.portailfamilles.events.account.AccountRequestApproved;
import fr.portailfamilles.events.account.AccountRequestReceived;
import fr.portailfamilles.events.account.AccountRequestRejected;
import fr.portailfamilles.events.account.PasswordChanged;
import fr.portailfamilles.events.account.PasswordResetRequested;
import fr.portailfamilles.events.billing.InvoiceIssued;
import fr.portailfamilles.events.billing.PaymentReceived;
import fr.portailfamilles.events.billing.PaymentRefused;
import fr.portailfamilles.events.document.DocumentAccepted;
import fr.portailfamilles.events.document.DocumentExpiringSoon;
import fr.portailfamilles.events.document.DocumentRejected;
import fr.portailfamilles.events.document.DossierCompletenessChanged;
import fr.portailfamilles.events.reservation.BookingLine;
import fr.portailfamilles.events.reservation.BookingPlaced;
import fr.portailfamilles.events.reservation.CancellationConfirmed;
import fr.portailfamilles.events.reservation.CancelledLine;
import fr.portailfamilles.events.reservation.WaitlistOfferExpired;
import fr.portailfamilles.events.reservation.WaitlistOfferMade;
import fr.portailfamilles.events.reservation.WaitlistPromoted;
import fr.portailfamilles.notification.family.domain.FamilyContact;
import fr.portailfamilles.notification.mail.domain.MailPriority;

/**
 * Every e-mail a family receives, one line per event type. Adding one is a mapping here and a template
 * pair in {@code templates/mail/}; the consumer of the event's topic picks it up by itself.
 * Every template also gets {@code firstName}, {@code familyName}, {@code portalUrl} and {@code subject}.
 * Account e-mails are {@link MailPriority#ACCOUNT} (someone waits for the link at a screen), a waitlist
 * offer {@link MailPriority#DEADLINE}, everything else {@link MailPriority#BULK}.
 */
public final class NotificationCatalog {

    /** A question about an invoice goes to the structure within this many days of its issue (billing's rule). */
    static final int INVOICE_CONTEST_DAYS = 10;

    public static final List<NotificationMapping<?>> ALL = List.of(
            of(AccountRequestReceived.class, "account-request-received",
                    e -> Audience.person(e.contactEmail(), e.contactFirstName()),
                    e -> "Portail Familles : nous avons bien reçu votre demande",
                    (e, family) -> model("familyName", e.familyName(), "schoolYear", e.schoolYear()))
                    .priority(MailPriority.ACCOUNT),
            of(AccountRequestApproved.class, "account-request-approved",
                    e -> Audience.person(e.contactEmail(), e.contactFirstName(), e.familyId()),
                    e -> "Portail Familles : votre compte est validé, choisissez votre mot de passe",
                    (e, family) -> model("activationLink", e.activationLink(),
                            "expiresAt", FrenchText.moment(e.activationExpiresAt())))
                    .priority(MailPriority.ACCOUNT),
            of(AccountRequestRejected.class, "account-request-rejected",
                    e -> Audience.person(e.contactEmail(), e.contactFirstName()),
                    e -> "Portail Familles : votre demande de compte n'a pas pu être validée",
                    (e, family) -> model("reason", e.reason()))
                    .priority(MailPriority.ACCOUNT),
            of(PasswordResetRequested.class, "password-reset-requested",
                    e -> Audience.person(e.email(), e.firstName()),
                    e -> "Portail Familles : modifier votre mot de passe",
                    (e, family) -> model("resetLink", e.resetLink(), "expiresAt", FrenchText.moment(e.expiresAt())))
                    .priority(MailPriority.ACCOUNT),
            of(PasswordChanged.class, "password-changed",
                    e -> Audience.person(e.email(), e.firstName()),
                    e -> "Portail Familles : votre mot de passe a été modifié",
                    (e, family) -> model("changedAt", FrenchText.moment(e.changedAt())))
                    .priority(MailPriority.ACCOUNT),
            of(DocumentAccepted.class, "document-accepted",
                    e -> Audience.family(e.familyId()),
                    e -> "Portail Familles : document accepté (" + e.typeLabel() + ")",
                    (e, family) -> model("typeLabel", e.typeLabel(), "childFirstName", family.childFirstName(e.childId()),
                            "validUntil", e.validUntil() == null ? null : FrenchText.day(e.validUntil()))),
            of(DocumentRejected.class, "document-rejected",
                    e -> Audience.family(e.familyId()),
                    e -> "Portail Familles : document refusé (" + e.typeLabel() + ")",
                    (e, family) -> model("typeLabel", e.typeLabel(), "childFirstName", family.childFirstName(e.childId()),
                            "reason", e.reason())),
            of(DocumentExpiringSoon.class, "document-expiring-soon",
                    e -> Audience.family(e.familyId()),
                    e -> "Portail Familles : un document arrive à échéance (" + e.typeLabel() + ")",
                    (e, family) -> model("typeLabel", e.typeLabel(), "childFirstName", family.childFirstName(e.childId()),
                            "validUntil", FrenchText.day(e.validUntil()))),
            of(DossierCompletenessChanged.class, "dossier-complete",
                    e -> Audience.family(e.familyId()),
                    e -> "Portail Familles : votre dossier " + e.dossier() + " est complet",
                    (e, family) -> model("dossier", e.dossier(), "childFirstName", family.childFirstName(e.childId())))
                    .onlyWhen(DossierCompletenessChanged::complete),
            of(BookingPlaced.class, "booking-placed",
                    e -> Audience.family(e.familyId()),
                    e -> "Portail Familles : confirmation de votre réservation",
                    (e, family) -> model("structureName", e.structureName(), "periodName", e.periodName(),
                            "lines", e.lines().stream().map(NotificationCatalog::bookingLine).toList(),
                            "waitlisted", e.lines().stream().anyMatch(line -> !confirmed(line)))),
            of(WaitlistPromoted.class, "waitlist-promoted",
                    e -> Audience.family(e.familyId()),
                    e -> "Portail Familles : une place s'est libérée pour " + e.childFirstName(),
                    (e, family) -> model("childFirstName", e.childFirstName(), "structureName", e.structureName(),
                            "day", FrenchText.day(e.date()), "unit", FrenchText.unit(e.unit()))),
            of(WaitlistOfferMade.class, "waitlist-offer-made",
                    e -> Audience.family(e.familyId()),
                    e -> "Portail Familles : une place s'est libérée pour " + e.childFirstName() + ", à accepter avant le "
                            + FrenchText.moment(e.expiresAt()),
                    (e, family) -> model("childFirstName", e.childFirstName(), "structureName", e.structureName(),
                            "day", FrenchText.day(e.date()), "unit", FrenchText.unit(e.unit()), "expiresAt", FrenchText.moment(e.expiresAt())))
                    .priority(MailPriority.DEADLINE),
            of(WaitlistOfferExpired.class, "waitlist-offer-expired",
                    e -> Audience.family(e.familyId()),
                    e -> "Portail Familles : votre proposition de place a expiré (" + e.childFirstName() + ", " + FrenchText.day(e.date()) + ")",
                    (e, family) -> model("childFirstName", e.childFirstName(), "structureName", e.structureName(),
                            "day", FrenchText.day(e.date()), "unit", FrenchText.unit(e.unit()), "expiresAt", FrenchText.moment(e.expiresAt()))),
            of(CancellationConfirmed.class, "cancellation-confirmed",
                    e -> Audience.family(e.familyId()),
                    e -> "Portail Familles : confirmation de votre annulation",
                    (e, family) -> model("structureName", e.structureName(),
                            "lines", e.lines().stream().map(NotificationCatalog::cancelledLine).toList(),
                            "late", e.lines().stream().anyMatch(CancelledLine::late))),
            of(InvoiceIssued.class, "invoice-issued",
                    e -> Audience.family(e.familyId()),
                    e -> "Portail Familles : nouvelle facture disponible (" + e.number() + ")",
                    (e, family) -> model("number", e.number(), "structureName", e.structureName(),
                            "month", FrenchText.month(e.month()), "amount", FrenchText.euros(e.amountCents()),
                            "dueDate", FrenchText.day(e.dueDate()),
                            "contestUntil", FrenchText.day(plusDays(FrenchText.dayOf(e.issuedAt()), INVOICE_CONTEST_DAYS)),
                            "contestDays", INVOICE_CONTEST_DAYS)),
            of(PaymentReceived.class, "payment-received",
                    e -> Audience.family(e.familyId()),
                    e -> "Portail Familles : paiement reçu (facture " + e.number() + ")",
                    (e, family) -> model("number", e.number(), "amount", FrenchText.euros(e.amountCents()),
                            "paidAt", FrenchText.moment(e.paidAt()))),
            of(PaymentRefused.class, "payment-refused",
                    e -> Audience.family(e.familyId()),
                    e -> "Portail Familles : paiement refusé (facture " + e.number() + ")",
                    (e, family) -> model("number", e.number(), "amount", FrenchText.euros(e.amountCents()),
                            "refusedAt", FrenchText.moment(e.refusedAt()))));

    private NotificationCatalog() {
    }

    private static LocalDate plusDays(LocalDate day, int days) {
        return day == null ? null : day.plusDays(days);
    }

    private static boolean confirmed(BookingLine line) {
        return !"WAITLISTED".equalsIgnoreCase(line.status());
    }

    private static Map<String, Object> bookingLine(BookingLine line) {
        return model("child", line.childFirstName(), "day", FrenchText.day(line.date()), "unit", FrenchText.unit(line.unit()),
                "confirmed", confirmed(line), "rank", line.waitlistRank(),
                "status", confirmed(line) ? "confirmée" : "en liste d'attente (rang " + line.waitlistRank() + ")");
    }

    private static Map<String, Object> cancelledLine(CancelledLine line) {
        return model("child", line.childFirstName(), "day", FrenchText.day(line.date()), "unit", FrenchText.unit(line.unit()),
                "late", line.late());
    }

    /** Variables by name; values may be null (Map.of refuses them). */
    static Map<String, Object> model(Object... namesAndValues) {
        Map<String, Object> model = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            model.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return model;
    }
}

package fr.portailfamilles.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.portailfamilles.events.IntegrationEvent;
import fr.portailfamilles.events.account.AccountRequestApproved;
import fr.portailfamilles.events.account.AccountRequestReceived;
import fr.portailfamilles.events.account.AccountRequestRejected;
import fr.portailfamilles.events.account.ChildProfile;
import fr.portailfamilles.events.account.FamilyRegistered;
import fr.portailfamilles.events.account.ParentContact;
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

/**
 * One event of every type a family is told about, for one family (two parents, two children), with the
 * lines each e-mail must contain (subject aside).
 */
public record SampleEvents(UUID familyId, String familyName, String email1, String email2, UUID emma, UUID lucas) {

    public static SampleEvents forNewFamily() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return new SampleEvents(UUID.randomUUID(), "Bernard", "lea-" + tag + "@exemple.fr", "hugo-" + tag + "@exemple.fr",
                UUID.randomUUID(), UUID.randomUUID());
    }

    public FamilyRegistered family() {
        return new FamilyRegistered(familyId, familyName, "3 rue des Lilas", "67000", "Strasbourg", true, true, 800,
                List.of(new ParentContact(UUID.randomUUID(), email1, "Léa", familyName),
                        new ParentContact(UUID.randomUUID(), email2, "Hugo", familyName)),
                List.of(new ChildProfile(emma, "Emma", familyName, LocalDate.of(2018, 3, 4), "École Pasteur"),
                        new ChildProfile(lucas, "Lucas", familyName, LocalDate.of(2020, 9, 1), "École Pasteur")),
                Instant.now());
    }

    /** Each event with the lines its e-mail must show; account and login events go to {@link #email1} only. */
    public Map<IntegrationEvent, List<String>> all() {
        return Map.ofEntries(
                Map.entry(new AccountRequestReceived(UUID.randomUUID(), familyName, email1, "Léa", "2026-2027", Instant.now()),
                        List.of("Bonjour Léa", "Bernard", "2026-2027")),
                Map.entry(new AccountRequestApproved(UUID.randomUUID(), familyId, email1, "Léa", "https://portail.example/activation?token=abc123",
                                Instant.parse("2026-07-06T16:30:00Z"), Instant.now()),
                        List.of("Bonjour Léa", "https://portail.example/activation?token=abc123", "6 juillet 2026 à 18h30")),
                Map.entry(new AccountRequestRejected(UUID.randomUUID(), email1, "Léa", "Justificatif de domicile manquant", Instant.now()),
                        List.of("Bonjour Léa", "Justificatif de domicile manquant")),
                Map.entry(new PasswordResetRequested(UUID.randomUUID(), email1, "Léa", "https://portail.example/reset?token=xyz789",
                                Instant.parse("2026-07-06T16:30:00Z"), Instant.now()),
                        List.of("Bonjour Léa", "https://portail.example/reset?token=xyz789", "6 juillet 2026 à 18h30")),
                Map.entry(new PasswordChanged(UUID.randomUUID(), email1, "Léa", Instant.parse("2026-07-06T16:30:00Z")),
                        List.of("Bonjour Léa", "a été modifié le 6 juillet 2026 à 18h30")),
                Map.entry(new DocumentAccepted(UUID.randomUUID(), familyId, null, "AVIS_IMPOSITION", "Avis d'imposition",
                                LocalDate.of(2027, 8, 31), Instant.now()),
                        List.of("Avis d'imposition", "a accepté", "mardi 31 août 2027", "/documents.html")),
                Map.entry(new DocumentRejected(UUID.randomUUID(), familyId, emma, "VACCINATIONS_ALSH", "Carnet de vaccinations",
                                "Pages illisibles", Instant.now()),
                        List.of("Carnet de vaccinations", "pour Emma", "Pages illisibles", "AJOUTER UN DOCUMENT")),
                Map.entry(new DocumentExpiringSoon(UUID.randomUUID(), familyId, null, "ASSURANCE_EXTRASCOLAIRE",
                                "Attestation d'assurance extrascolaire", LocalDate.of(2026, 8, 31)),
                        List.of("Attestation d'assurance extrascolaire", "n'est plus valable après le lundi 31 août 2026")),
                Map.entry(new DossierCompletenessChanged(familyId, null, "ALSH", true, List.of(), Instant.now()),
                        List.of("Votre dossier ALSH", "est complet", "NOUVELLE RESERVATION")),
                Map.entry(new BookingPlaced(UUID.randomUUID(), familyId, "ALSH Les Loupiots", "Vacances d'été 2026", List.of(
                                new BookingLine(UUID.randomUUID(), emma, "Emma", LocalDate.of(2026, 7, 6), "JOURNEE_REPAS", "CONFIRMED", null),
                                new BookingLine(UUID.randomUUID(), lucas, "Lucas", LocalDate.of(2026, 7, 7), "MATIN", "WAITLISTED", 3)),
                                Instant.now()),
                        List.of("ALSH Les Loupiots", "Vacances d'été 2026", "Emma", "lundi 6 juillet 2026", "journée avec repas",
                                "confirmée", "Lucas", "mardi 7 juillet 2026", "matin sans repas", "en liste d'attente (rang 3)")),
                Map.entry(new WaitlistPromoted(UUID.randomUUID(), familyId, lucas, "Lucas", UUID.randomUUID(), "ALSH Les Loupiots",
                                "ALSH", UUID.randomUUID(), LocalDate.of(2026, 7, 7), "MATIN", false, Instant.now()),
                        List.of("Lucas quitte la liste d'attente", "mardi 7 juillet 2026", "matin sans repas")),
                Map.entry(new WaitlistOfferMade(UUID.randomUUID(), familyId, emma, "Emma", UUID.randomUUID(), "ALSH Les Loupiots", "ALSH",
                                UUID.randomUUID(), LocalDate.of(2026, 7, 9), "APRES_MIDI_REPAS", true, Instant.parse("2026-07-06T16:30:00Z"),
                                Instant.now()),
                        List.of("Une place s'est libérée", "Emma était en liste d'attente", "jeudi 9 juillet 2026", "après-midi avec repas",
                                "Répondez avant le 6 juillet 2026 à 18h30", "/reservations.html")),
                Map.entry(new WaitlistOfferExpired(UUID.randomUUID(), familyId, emma, "Emma", UUID.randomUUID(), "ALSH Les Loupiots", "ALSH",
                                UUID.randomUUID(), LocalDate.of(2026, 7, 10), "JOURNEE", false, Instant.parse("2026-07-07T16:30:00Z"),
                                Instant.now()),
                        List.of("Votre proposition de place a expiré", "proposée à Emma pour le vendredi 10 juillet 2026",
                                "journée sans repas", "avant le 7 juillet 2026 à 18h30", "réserver à nouveau")),
                Map.entry(new CancellationConfirmed(UUID.randomUUID(), familyId, "ALSH Les Loupiots", List.of(
                                new CancelledLine(UUID.randomUUID(), emma, "Emma", LocalDate.of(2026, 7, 6), "JOURNEE_REPAS", false),
                                new CancelledLine(UUID.randomUUID(), lucas, "Lucas", LocalDate.of(2026, 7, 8), "APRES_MIDI", true)),
                                Instant.now()),
                        List.of("annulation auprès de ALSH Les Loupiots est confirmée", "Emma", "lundi 6 juillet 2026",
                                "Lucas", "mercredi 8 juillet 2026", "après-midi sans repas", "(annulation tardive)")),
                Map.entry(new InvoiceIssued(UUID.randomUUID(), familyId, "PL-2026-000001", UUID.randomUUID(),
                                "Accueil de loisirs Les Petits Loups", "2026-06", 5440, LocalDate.of(2026, 7, 31), 5440,
                                Instant.parse("2026-07-01T06:00:00Z")),
                        List.of("Nouvelle facture disponible", "PL-2026-000001", "Accueil de loisirs Les Petits Loups",
                                "juin 2026", "54,40 €", "vendredi 31 juillet 2026", "10 jours", "samedi 11 juillet 2026",
                                "/factures.html")),
                Map.entry(new PaymentReceived(UUID.randomUUID(), UUID.randomUUID(), familyId, "PL-2026-000001", 125050, "P", 0,
                                Instant.parse("2026-07-06T16:30:00Z")),
                        List.of("Paiement reçu", "PL-2026-000001", "1 250,50 €", "6 juillet 2026 à 18h30", "Merci pour votre règlement")),
                Map.entry(new PaymentRefused(UUID.randomUUID(), UUID.randomUUID(), familyId, "PL-2026-000002", 5440, "R",
                                Instant.parse("2026-07-06T16:30:00Z")),
                        List.of("Paiement refusé", "PL-2026-000002", "54,40 €", "reste à payer", "réessayer depuis Mes factures",
                                "/factures.html")));
    }

    /** Whether the whole family (both parents) receives it, rather than the one person the event names. */
    public static boolean toWholeFamily(IntegrationEvent event) {
        return event.getClass().getPackageName().endsWith(".document") || event.getClass().getPackageName().endsWith(".reservation")
                || event.getClass().getPackageName().endsWith(".billing");
    }
}

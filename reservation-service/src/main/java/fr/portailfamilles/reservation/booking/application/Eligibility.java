package fr.portailfamilles.reservation.booking.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import fr.portailfamilles.platform.web.ProblemException;
import fr.portailfamilles.reservation.family.domain.FamilyDirectory;
import fr.portailfamilles.reservation.offer.domain.Activity;
import fr.portailfamilles.reservation.offer.domain.AgeGroup;
import fr.portailfamilles.reservation.offer.domain.Period;

/**
 * The booking rules, in the order a parent meets them, each refusal naming the rule ({@code rule}) and
 * what to do. Pure: it decides on facts already read from the local projections and the offer.
 */
public final class Eligibility {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE).withZone(Activity.ZONE);

    private Eligibility() {
    }

    public static void requireActive(FamilyDirectory.Family family) {
        if (family == null || !family.accountActive()) {
            throw refusal(HttpStatus.FORBIDDEN, "account-not-active", "Votre compte n'est pas encore actif : "
                    + "les réservations s'ouvrent dès que le service Portail-familles l'a validé.");
        }
    }

    /**
     * Whether what the family still owes (billing's last total, euro cents) lets a parent book online: more than the
     * threshold blocks until invoices are paid.
     */
    public static Optional<ProblemException> unpaid(int unpaidCents, int thresholdCents) {
        if (unpaidCents <= thresholdCents) {
            return Optional.empty();
        }
        return Optional.of(refusal(HttpStatus.UNPROCESSABLE_CONTENT, "unpaid-invoices", "Des factures restent à payer ("
                + euros(unpaidCents) + ") : réglez-les dans Mes factures pour réserver à nouveau.")
                .with("unpaidCents", unpaidCents)
                .with("thresholdCents", thresholdCents));
    }

    /** "154,40 €", "1 250,00 €", as on the invoice. */
    static String euros(int cents) {
        String units = String.format(Locale.FRANCE, "%,d", cents / 100).replace('\u00a0', ' ').replace('\u202f', ' ');
        return units + "," + String.format("%02d", cents % 100) + " €";
    }

    /** Whether the booking window lets this family book now. */
    public static Optional<ProblemException> window(Period period, boolean resident, Instant now) {
        return switch (period.phase(now)) {
            case NOT_OPEN -> Optional.of(refusal(HttpStatus.UNPROCESSABLE_CONTENT, "booking-not-open",
                    "Les inscriptions pour « " + period.name() + " » ouvrent le " + WHEN.format(period.bookingOpensAt()) + ".")
                    .with("opensAt", period.bookingOpensAt()));
            case RESIDENTS_ONLY -> resident ? Optional.empty() : Optional.of(refusal(HttpStatus.UNPROCESSABLE_CONTENT,
                    "booking-residents-first", "Les inscriptions pour « " + period.name()
                            + " » sont d'abord réservées aux habitants de la communauté de communes ; elles vous seront ouvertes le "
                            + WHEN.format(period.everyoneOpensAt()) + ".")
                    .with("opensAt", period.everyoneOpensAt()));
            case CLOSED -> Optional.of(refusal(HttpStatus.UNPROCESSABLE_CONTENT, "booking-closed",
                    "Les inscriptions pour « " + period.name() + " » sont closes depuis le " + WHEN.format(period.bookingClosesAt())
                            + ". Contactez la structure pour une demande exceptionnelle."));
            case OPEN -> Optional.empty();
        };
    }

    /** The rule a day breaks for this child, if any; the age group the child counts in otherwise. */
    public static Decision day(Activity activity, List<AgeGroup> groups, Period period, FamilyDirectory.Child child,
            boolean dossierComplete, LocalDate date, Instant now) {
        if (!period.isOpenDay(date)) {
            String why = period.closedDates().get(date);
            return Decision.refused(refusal(HttpStatus.UNPROCESSABLE_CONTENT, "day-closed", "La structure est fermée le "
                    + DAY.format(date) + (why == null ? "" : " (" + why + ")") + " : choisissez un jour d'ouverture de la période."));
        }
        if (activity.deadlinePassed(date, now)) {
            return Decision.refused(refusal(HttpStatus.UNPROCESSABLE_CONTENT, "deadline-passed", "Le " + DAY.format(date)
                    + " ne se réserve plus en ligne depuis le " + WHEN.format(activity.deadlineFor(date))
                    + ". Contactez la structure si la situation est urgente.")
                    .with("deadline", activity.deadlineFor(date)));
        }
        int age = Activity.ageOn(child.birthDate(), date);
        Optional<AgeGroup> group = groups.stream().filter(candidate -> candidate.includes(age)).findFirst();
        if (!activity.ageAllowed(age) || group.isEmpty()) {
            return Decision.refused(refusal(HttpStatus.UNPROCESSABLE_CONTENT, "age-out-of-range", child.firstName() + " aura " + age
                    + " ans le " + DAY.format(date) + " ; « " + activity.name() + " » accueille les enfants de " + activity.minAge()
                    + " à " + activity.maxAge() + " ans."));
        }
        if (!dossierComplete) {
            return Decision.refused(refusal(HttpStatus.UNPROCESSABLE_CONTENT, "dossier-incomplete", "Le dossier " + activity.requiredDossier()
                    + " de " + child.firstName() + " n'est pas complet : déposez les pièces manquantes dans « Mes documents », "
                    + "la réservation sera possible dès leur validation."));
        }
        return new Decision(group.get(), null);
    }

    static ProblemException refusal(HttpStatus status, String rule, String detail) {
        return new ProblemException(status, rule, "Réservation impossible", detail).with("rule", rule);
    }

    public record Decision(AgeGroup group, ProblemException refusal) {

        static Decision refused(ProblemException refusal) {
            return new Decision(null, refusal);
        }

        public boolean allowed() {
            return refusal == null;
        }
    }
}

package fr.portailfamilles.document.catalogue.domain;

import java.time.LocalDate;

/**
 * What a reviewer's dates mean under a type's {@link ValidityRule}, on the day of the review: either the
 * date the document stops being valid (null: no end), or why the dates do not fit the rule.
 * <ul>
 * <li>LATEST_TAX_NOTICE: {@code validFrom} is the notice's issue date. For school year N/N+1 the notice
 * issued in year N (income N-1) is the latest; it stays valid to the end of school year N/N+1.</li>
 * <li>ISSUED_WITHIN_3_MONTHS: {@code validFrom} is the issue date, at most 3 months before the review;
 * valid to the end of the school year of the review.</li>
 * <li>COVERS_LAST_12_MONTHS: {@code validFrom} is the date of the notification, at most 12 months before
 * the review; it covers the 12 months that follow it.</li>
 * <li>SCHOOL_YEAR: {@code validUntil} is the end of cover on the certificate, still running on the day of
 * the review; valid until then, at the latest to the end of the school year.</li>
 * <li>NONE: valid until {@code validUntil} when the reviewer gives one.</li>
 * </ul>
 */
public record Validity(LocalDate validUntil, String refusal) {

    public static Validity decide(ValidityRule rule, LocalDate reviewDay, LocalDate validFrom, LocalDate validUntil) {
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            return refused("La date de fin de validité précède la date de début.");
        }
        if (validFrom != null && validFrom.isAfter(reviewDay)) {
            return refused("La date du document est dans le futur.");
        }
        SchoolYear schoolYear = SchoolYear.of(reviewDay);
        return switch (rule) {
            case LATEST_TAX_NOTICE -> {
                if (validFrom == null) {
                    yield refused("Indiquez la date d'établissement de l'avis d'imposition.");
                }
                if (validFrom.getYear() < schoolYear.startYear()) {
                    yield refused("Pour l'année scolaire " + schoolYear + ", l'avis d'imposition " + schoolYear.startYear()
                            + " sur les revenus " + (schoolYear.startYear() - 1) + " est demandé.");
                }
                yield valid(cap(validUntil, new SchoolYear(validFrom.getYear()).lastDay()));
            }
            case ISSUED_WITHIN_3_MONTHS -> {
                if (validFrom == null) {
                    yield refused("Indiquez la date d'émission du justificatif.");
                }
                if (validFrom.isBefore(reviewDay.minusMonths(3))) {
                    yield refused("Le justificatif doit dater de moins de 3 mois.");
                }
                yield valid(cap(validUntil, schoolYear.lastDay()));
            }
            case COVERS_LAST_12_MONTHS -> {
                if (validFrom == null) {
                    yield refused("Indiquez la date de la notification CAF.");
                }
                if (validFrom.isBefore(reviewDay.minusMonths(12))) {
                    yield refused("La notification CAF doit couvrir les 12 derniers mois.");
                }
                yield valid(cap(validUntil, validFrom.plusMonths(12)));
            }
            case SCHOOL_YEAR -> {
                if (validUntil == null) {
                    yield refused("Indiquez la date de fin de couverture de l'attestation.");
                }
                if (validUntil.isBefore(reviewDay)) {
                    yield refused("L'attestation n'est plus valable : elle doit couvrir l'année scolaire " + schoolYear + ".");
                }
                yield valid(cap(validUntil, schoolYear.lastDay()));
            }
            case NONE -> {
                if (validUntil != null && validUntil.isBefore(reviewDay)) {
                    yield refused("La date de fin de validité est déjà passée.");
                }
                yield valid(validUntil);
            }
        };
    }

    public boolean accepted() {
        return refusal == null;
    }

    private static LocalDate cap(LocalDate given, LocalDate limit) {
        return given == null || given.isAfter(limit) ? limit : given;
    }

    private static Validity valid(LocalDate validUntil) {
        return new Validity(validUntil, null);
    }

    private static Validity refused(String refusal) {
        return new Validity(null, refusal);
    }
}

package fr.portailfamilles.billing.tariff.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The prices of one unit at a structure from a date on, one per quotient-familial bracket. The brackets
 * cover every quotient once: from 0, each starting right after the previous one ends, the last without
 * an upper bound. A grid starts today at the earliest: prices already invoiced are never rewritten.
 */
public record NewPriceGrid(UUID structureId, TariffUnit unit, LocalDate validFrom, List<Bracket> brackets) {

    /** {@code qfMax} null: and above. Euro cents. */
    public record Bracket(int qfMin, Integer qfMax, int priceCents, int mealPriceCents) {
    }

    /** Why this grid cannot be, or empty when it can, on {@code today}. */
    public Optional<String> refusal(LocalDate today) {
        if (validFrom.isBefore(today)) {
            return Optional.of("Une grille de tarifs prend effet au plus tôt aujourd'hui : les prix déjà facturés ne changent pas.");
        }
        int expectedMin = 0;
        for (int i = 0; i < brackets.size(); i++) {
            Bracket bracket = brackets.get(i);
            boolean last = i == brackets.size() - 1;
            if (bracket.qfMin() != expectedMin) {
                return Optional.of("Les tranches de quotient familial doivent partir de 0 et se suivre sans trou ni chevauchement"
                        + " (tranche " + (i + 1) + " : " + expectedMin + " attendu).");
            }
            if (last != (bracket.qfMax() == null)) {
                return Optional.of("Seule la dernière tranche est sans plafond.");
            }
            if (!last && bracket.qfMax() < bracket.qfMin()) {
                return Optional.of("Le plafond de la tranche " + (i + 1) + " est inférieur à son plancher.");
            }
            if (!last) {
                expectedMin = bracket.qfMax() + 1;
            }
        }
        return Optional.empty();
    }

    public List<Tariff> tariffs() {
        return brackets.stream().map(b -> new Tariff(null, structureId, unit, b.qfMin(), b.qfMax(), b.priceCents(),
                b.mealPriceCents(), validFrom)).toList();
    }
}

package fr.portailfamilles.billing.tariff.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A structure's tariffs, to price one booked day: the grid in force that day (newest {@code validFrom}
 * not after it), the unit's bracket holding the family's quotient familial, plus the meal supplement
 * when the amplitude has the meal. A family whose quotient is unknown pays the highest bracket.
 */
public final class PriceGrid {

    private final List<Tariff> tariffs;

    public PriceGrid(List<Tariff> tariffs) {
        this.tariffs = List.copyOf(tariffs);
    }

    /** @param unit a reservation unit ({@code JOURNEE_REPAS}, {@code MATIN}...); empty when no tariff covers it */
    public Optional<Price> price(String unit, boolean meal, LocalDate date, Integer quotientFamilial) {
        TariffUnit base = TariffUnit.valueOf(unit.replace("_REPAS", ""));
        Optional<LocalDate> inForce = tariffs.stream()
                .filter(tariff -> tariff.unit() == base && !tariff.validFrom().isAfter(date))
                .map(Tariff::validFrom)
                .max(Comparator.naturalOrder());
        if (inForce.isEmpty()) {
            return Optional.empty();
        }
        List<Tariff> brackets = tariffs.stream()
                .filter(tariff -> tariff.unit() == base && tariff.validFrom().equals(inForce.get()))
                .toList();
        Optional<Tariff> bracket = quotientFamilial == null
                ? brackets.stream().max(Comparator.comparingInt(Tariff::qfMin))
                : brackets.stream().filter(tariff -> tariff.qfMin() <= quotientFamilial
                        && (tariff.qfMax() == null || quotientFamilial <= tariff.qfMax())).findFirst();
        return bracket.map(tariff -> new Price(tariff.priceCents(), meal ? tariff.mealPriceCents() : 0));
    }

    /** Euro cents. */
    public record Price(int unitCents, int mealCents) {

        public int totalCents() {
            return unitCents + mealCents;
        }
    }
}

package fr.portailfamilles.billing.tariff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PriceGridTests {

    private static final UUID STRUCTURE = UUID.randomUUID();
    private static final LocalDate SEPTEMBER = LocalDate.of(2026, 9, 1);
    private static final LocalDate JANUARY = LocalDate.of(2027, 1, 1);

    private final PriceGrid grid = new PriceGrid(List.of(
            tariff(TariffUnit.JOURNEE, 0, 700, 450, 150, SEPTEMBER),
            tariff(TariffUnit.JOURNEE, 701, 1200, 900, 300, SEPTEMBER),
            tariff(TariffUnit.JOURNEE, 1201, null, 1400, 420, SEPTEMBER),
            tariff(TariffUnit.MATIN, 0, 700, 250, 150, SEPTEMBER),
            tariff(TariffUnit.MATIN, 701, null, 500, 300, SEPTEMBER),
            tariff(TariffUnit.JOURNEE, 0, 700, 480, 160, JANUARY),
            tariff(TariffUnit.JOURNEE, 701, null, 950, 320, JANUARY)));

    @Test
    void aDayWithMealIsTheUnitPricePlusTheMealSupplementOfTheFamilysBracket() {
        assertThat(grid.price("JOURNEE_REPAS", true, LocalDate.of(2026, 10, 7), 650)).contains(new PriceGrid.Price(450, 150));
        assertThat(grid.price("JOURNEE_REPAS", true, LocalDate.of(2026, 10, 7), 701)).contains(new PriceGrid.Price(900, 300));
        assertThat(grid.price("MATIN", false, LocalDate.of(2026, 10, 7), 1500)).contains(new PriceGrid.Price(500, 0));
    }

    @Test
    void theGridInForceOnTheDayPricesIt() {
        assertThat(grid.price("JOURNEE", false, LocalDate.of(2026, 12, 31), 100)).contains(new PriceGrid.Price(450, 0));
        assertThat(grid.price("JOURNEE", false, LocalDate.of(2027, 1, 1), 100)).contains(new PriceGrid.Price(480, 0));
        assertThat(grid.price("JOURNEE", false, LocalDate.of(2026, 8, 31), 100)).isEmpty();
    }

    @Test
    void aFamilyWithoutQuotientFamilialPaysTheHighestBracket() {
        assertThat(grid.price("JOURNEE_REPAS", true, LocalDate.of(2026, 10, 7), null)).contains(new PriceGrid.Price(1400, 420));
        assertThat(grid.price("JOURNEE_REPAS", true, LocalDate.of(2027, 2, 1), null)).contains(new PriceGrid.Price(950, 320));
    }

    @Test
    void aUnitWithoutTariffIsNotPriced() {
        assertThat(grid.price("APRES_MIDI_REPAS", true, LocalDate.of(2026, 10, 7), 650)).isEmpty();
    }

    private static Tariff tariff(TariffUnit unit, int qfMin, Integer qfMax, int price, int meal, LocalDate from) {
        return new Tariff(UUID.randomUUID(), STRUCTURE, unit, qfMin, qfMax, price, meal, from);
    }
}

package fr.portailfamilles.billing.tariff.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The price of a unit at a structure for families whose quotient familial falls in [qfMin, qfMax]
 * (no upper bound when qfMax is null), from validFrom on. Amounts in euro cents.
 */
@Table("tariff")
public record Tariff(@Id UUID id, UUID structureId, TariffUnit unit, int qfMin, Integer qfMax, int priceCents,
        int mealPriceCents, LocalDate validFrom) {
}

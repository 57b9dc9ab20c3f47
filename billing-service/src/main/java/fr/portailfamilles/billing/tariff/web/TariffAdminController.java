package fr.portailfamilles.billing.tariff.web;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.billing.tariff.application.Tariffs;
import fr.portailfamilles.billing.tariff.domain.Tariff;
import fr.portailfamilles.billing.tariff.domain.TariffUnit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import reactor.core.publisher.Flux;

/** Staff see the price grid invoices are computed from. */
@RestController
@RequestMapping("/api/admin/tariffs")
public class TariffAdminController {

    private final Tariffs tariffs;

    public TariffAdminController(Tariffs tariffs) {
        this.tariffs = tariffs;
    }

    @Operation(summary = "Tariffs by structure, unit and quotient familial bracket; amounts in euro cents")
    @GetMapping
    public Flux<TariffView> list(
            @Parameter(description = "Only this structure's tariffs") @RequestParam(required = false) UUID structureId) {
        return tariffs.list(structureId).map(TariffView::of);
    }

    /** {@code qfMax} null: no upper bound. */
    public record TariffView(UUID id, UUID structureId, TariffUnit unit, int qfMin, Integer qfMax, int priceCents,
            int mealPriceCents, LocalDate validFrom) {

        static TariffView of(Tariff tariff) {
            return new TariffView(tariff.id(), tariff.structureId(), tariff.unit(), tariff.qfMin(), tariff.qfMax(),
                    tariff.priceCents(), tariff.mealPriceCents(), tariff.validFrom());
        }
    }
}

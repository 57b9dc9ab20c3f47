package fr.portailfamilles.billing.tariff.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.billing.tariff.application.Tariffs;
import fr.portailfamilles.billing.tariff.domain.NewPriceGrid;
import fr.portailfamilles.billing.tariff.domain.Tariff;
import fr.portailfamilles.billing.tariff.domain.TariffUnit;
import fr.portailfamilles.platform.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff see the price grid invoices are computed from; administrators add a grid from a date on. */
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

    @Operation(summary = "ADMIN only: a unit's grid from a date on (today at the earliest), brackets from QF 0 without gaps; 409 if that date has one")
    @PostMapping
    public Mono<ResponseEntity<List<TariffView>>> create(@Valid @RequestBody GridForm form) {
        return CurrentUser.requireAdmin()
                .flatMap(admin -> tariffs.create(new NewPriceGrid(form.structureId(), form.unit(), form.validFrom(),
                                form.brackets().stream().map(b -> new NewPriceGrid.Bracket(b.qfMin(), b.qfMax(), b.priceCents(),
                                        b.mealPriceCents())).toList()))
                        .map(TariffView::of).collectList())
                .map(created -> ResponseEntity.created(URI.create("/api/admin/tariffs?structureId=" + form.structureId()))
                        .body(created));
    }

    public record GridForm(@NotNull UUID structureId, @NotNull TariffUnit unit, @NotNull LocalDate validFrom,
            @NotEmpty @Size(max = 20) List<@Valid BracketForm> brackets) {
    }

    /** Euro cents; {@code qfMax} null for the last bracket. */
    public record BracketForm(@NotNull @Min(0) @Max(100_000) Integer qfMin, @Min(0) @Max(100_000) Integer qfMax,
            @NotNull @Min(0) @Max(100_000) Integer priceCents, @NotNull @Min(0) @Max(100_000) Integer mealPriceCents) {
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

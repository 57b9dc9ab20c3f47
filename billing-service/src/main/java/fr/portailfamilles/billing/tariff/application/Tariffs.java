package fr.portailfamilles.billing.tariff.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.portailfamilles.billing.tariff.domain.NewPriceGrid;
import fr.portailfamilles.billing.tariff.domain.PriceGrid;
import fr.portailfamilles.billing.tariff.domain.Tariff;
import fr.portailfamilles.billing.tariff.domain.TariffRepository;
import fr.portailfamilles.platform.web.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Service
public class Tariffs {

    private final TariffRepository tariffs;
    private final Clock clock;

    public Tariffs(TariffRepository tariffs, Clock clock) {
        this.tariffs = tariffs;
        this.clock = clock;
    }

    /** Adds a unit's grid from a date on, all brackets or none; 409 when that unit already has a grid from that date. */
    @Transactional
    public Flux<Tariff> create(NewPriceGrid grid) {
        var refusal = grid.refusal(LocalDate.now(clock));
        if (refusal.isPresent()) {
            return Flux.error(ProblemException.invalid("tariff-grid-invalid", refusal.get()));
        }
        return tariffs.countByStructureIdAndUnitAndValidFrom(grid.structureId(), grid.unit(), grid.validFrom())
                .flatMapMany(existing -> existing > 0
                        ? Flux.error(ProblemException.conflict("tariff-grid-exists",
                                "Une grille existe déjà pour ce lieu, cette formule et cette date : choisissez une autre date d'effet."))
                        : tariffs.saveAll(grid.tariffs()));
    }

    /** Every tariff, or one structure's, newest first, then by unit and bracket. */
    public Flux<Tariff> list(UUID structureId) {
        return structureId == null ? tariffs.findAllInOrder() : tariffs.findByStructureInOrder(structureId);
    }

    /** The structure's whole grid, every validity date, to price a month's lines. */
    public Mono<PriceGrid> grid(UUID structureId) {
        return tariffs.findByStructureInOrder(structureId).collectList().map(PriceGrid::new);
    }
}

package fr.portailfamilles.billing.tariff.application;

import java.util.UUID;

import org.springframework.stereotype.Service;

import fr.portailfamilles.billing.tariff.domain.PriceGrid;
import fr.portailfamilles.billing.tariff.domain.Tariff;
import fr.portailfamilles.billing.tariff.domain.TariffRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Service
public class Tariffs {

    private final TariffRepository tariffs;

    public Tariffs(TariffRepository tariffs) {
        this.tariffs = tariffs;
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

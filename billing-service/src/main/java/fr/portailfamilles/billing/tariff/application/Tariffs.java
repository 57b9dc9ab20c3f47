package fr.portailfamilles.billing.tariff.application;

import java.util.UUID;

import org.springframework.stereotype.Service;

import fr.portailfamilles.billing.tariff.domain.Tariff;
import fr.portailfamilles.billing.tariff.domain.TariffRepository;
import reactor.core.publisher.Flux;

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
}

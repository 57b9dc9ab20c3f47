package fr.portailfamilles.billing.tariff.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface TariffRepository extends ReactiveCrudRepository<Tariff, UUID> {

    @Query("""
            SELECT * FROM tariff
            ORDER BY structure_id, valid_from DESC, array_position(ARRAY['JOURNEE', 'MATIN', 'APRES_MIDI'], unit), qf_min""")
    Flux<Tariff> findAllInOrder();

    @Query("""
            SELECT * FROM tariff WHERE structure_id = :structureId
            ORDER BY valid_from DESC, array_position(ARRAY['JOURNEE', 'MATIN', 'APRES_MIDI'], unit), qf_min""")
    Flux<Tariff> findByStructureInOrder(UUID structureId);

    Mono<Long> countByStructureIdAndUnitAndValidFrom(UUID structureId, TariffUnit unit, LocalDate validFrom);
}

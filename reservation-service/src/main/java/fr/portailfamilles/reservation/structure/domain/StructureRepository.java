package fr.portailfamilles.reservation.structure.domain;

import java.util.UUID;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Flux;

public interface StructureRepository extends ReactiveCrudRepository<Structure, UUID> {

    @Query("SELECT * FROM structure ORDER BY kind, name")
    Flux<Structure> findAllByKindAndName();
}

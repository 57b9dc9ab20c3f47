package fr.portailfamilles.document.family.domain;

import java.util.UUID;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface FamilyChildRepository extends ReactiveCrudRepository<FamilyChild, UUID> {

    @Query("SELECT * FROM family_child WHERE family_id = :familyId ORDER BY birth_date, first_name, child_id")
    Flux<FamilyChild> findChildren(UUID familyId);

    Mono<FamilyChild> findByChildIdAndFamilyId(UUID childId, UUID familyId);
}

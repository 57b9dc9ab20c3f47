package fr.portailfamilles.account.family.domain;

import java.util.UUID;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Flux;

public interface FamilyParentRepository extends ReactiveCrudRepository<FamilyParent, UUID> {

    Flux<FamilyParent> findByFamilyIdOrderByPosition(UUID familyId);
}

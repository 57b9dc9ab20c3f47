package fr.portailfamilles.account.family.domain;

import java.util.UUID;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface ChildRepository extends ReactiveCrudRepository<Child, UUID> {

    Flux<Child> findByFamilyIdOrderByBirthDate(UUID familyId);

    /** Scoped by family: another family's child is simply not found. */
    Mono<Child> findByIdAndFamilyId(UUID id, UUID familyId);
}

package fr.portailfamilles.account.family.domain;

import java.util.UUID;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Flux;

public interface FamilyAuditRepository extends ReactiveCrudRepository<FamilyAudit, UUID> {

    Flux<FamilyAudit> findByFamilyIdOrderByAtDesc(UUID familyId);
}

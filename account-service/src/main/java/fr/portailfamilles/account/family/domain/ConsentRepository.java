package fr.portailfamilles.account.family.domain;

import java.util.UUID;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Flux;

public interface ConsentRepository extends ReactiveCrudRepository<Consent, UUID> {

    @Query("SELECT * FROM consent WHERE family_id = :familyId AND child_id IS NULL ORDER BY recorded_at, id")
    Flux<Consent> familyHistory(UUID familyId);

    @Query("SELECT * FROM consent WHERE family_id = :familyId AND child_id = :childId ORDER BY recorded_at, id")
    Flux<Consent> childHistory(UUID familyId, UUID childId);
}

package fr.portailfamilles.account.auth.domain;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Flux;

public interface SigningKeyRepository extends ReactiveCrudRepository<SigningKey, String> {

    @Query("SELECT * FROM signing_key WHERE retired_at IS NULL ORDER BY created_at DESC")
    Flux<SigningKey> findActiveNewestFirst();
}

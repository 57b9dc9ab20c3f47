package fr.portailfamilles.account.auth.domain;

import java.util.UUID;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Mono;

public interface UserAccountRepository extends ReactiveCrudRepository<UserAccount, UUID> {

    /** The column is citext: the match ignores case, as people type addresses as they like. */
    Mono<UserAccount> findByEmail(String email);
}

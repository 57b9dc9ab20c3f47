package fr.portailfamilles.account.auth.domain;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.r2dbc.repository.Modifying;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Mono;

public interface CredentialTokenRepository extends ReactiveCrudRepository<CredentialToken, String> {

    /** Marks the token used if it still was usable: 1 for the one caller who wins, 0 for a replay. */
    @Modifying
    @Query("UPDATE credential_token SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now")
    Mono<Integer> consume(String hash, Instant now);

    /** A newer link makes the older unused ones of the same purpose useless. */
    @Modifying
    @Query("UPDATE credential_token SET used_at = :now WHERE user_id = :userId AND purpose = :purpose AND used_at IS NULL")
    Mono<Integer> revokeAll(UUID userId, String purpose, Instant now);
}

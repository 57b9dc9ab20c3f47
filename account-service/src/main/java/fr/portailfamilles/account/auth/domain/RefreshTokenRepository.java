package fr.portailfamilles.account.auth.domain;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.r2dbc.repository.Modifying;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Mono;

public interface RefreshTokenRepository extends ReactiveCrudRepository<RefreshToken, String> {

    /** Marks the token exchanged if nobody did it first: 1 for the one caller who wins, 0 otherwise. */
    @Modifying
    @Query("UPDATE refresh_token SET rotated_at = :now WHERE token_hash = :hash AND rotated_at IS NULL AND revoked_at IS NULL")
    Mono<Integer> rotate(String hash, Instant now);

    @Modifying
    @Query("UPDATE refresh_token SET revoked_at = :now WHERE session_id = :sessionId AND revoked_at IS NULL")
    Mono<Integer> revokeSession(UUID sessionId, Instant now);

    @Modifying
    @Query("UPDATE refresh_token SET revoked_at = :now WHERE user_id = :userId AND revoked_at IS NULL")
    Mono<Integer> revokeAllOf(UUID userId, Instant now);

    /** Sessions of the user that ended a while ago are of no use any more, not even to detect a replay. */
    @Modifying
    @Query("DELETE FROM refresh_token WHERE user_id = :userId AND session_expires_at < :before")
    Mono<Integer> purgeEndedSessions(UUID userId, Instant before);
}

package fr.portailfamilles.account.auth.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One refresh token of a web session; only the SHA-256 of the secret is stored. Each use exchanges it
 * for the next one of the same session (rotation).
 */
@Table("refresh_token")
public record RefreshToken(@Id String tokenHash, UUID sessionId, UUID userId, Instant issuedAt, Instant expiresAt,
        Instant sessionExpiresAt, Instant rotatedAt, Instant revokedAt) {

    /** The first token of a session opened by a login at {@code now}. */
    public static RefreshToken first(String tokenHash, UUID userId, Instant now, Duration idle, Duration absolute) {
        Instant sessionEnd = now.plus(absolute);
        return new RefreshToken(tokenHash, UUID.randomUUID(), userId, now, earliest(now.plus(idle), sessionEnd), sessionEnd,
                null, null);
    }

    /** The token that replaces this one: same session, idle time restarted, never past the session's end. */
    public RefreshToken next(String nextHash, Instant now, Duration idle) {
        return new RefreshToken(nextHash, sessionId, userId, now, earliest(now.plus(idle), sessionExpiresAt), sessionExpiresAt,
                null, null);
    }

    public State state(Instant now, Duration reuseGrace) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        if (rotatedAt != null) {
            // Two tabs refreshing at the same moment present the same token: not a theft.
            return rotatedAt.plus(reuseGrace).isAfter(now) ? State.JUST_ROTATED : State.REPLAYED;
        }
        return expiresAt.isAfter(now) ? State.USABLE : State.EXPIRED;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    public enum State {
        USABLE, EXPIRED, REVOKED, JUST_ROTATED, REPLAYED
    }
}

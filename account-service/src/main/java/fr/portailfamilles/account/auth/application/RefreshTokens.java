package fr.portailfamilles.account.auth.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import fr.portailfamilles.account.auth.domain.RefreshToken;
import fr.portailfamilles.account.auth.domain.RefreshTokenRepository;
import fr.portailfamilles.platform.web.ProblemException;
import reactor.core.publisher.Mono;

/**
 * Rotating, revocable refresh tokens: 256 random bits in the cookie, only their SHA-256 in the database.
 * Each one is exchanged once for the next of its session; a replay of an exchanged one (a stolen copy,
 * or the original after the thief used the copy) revokes the whole session.
 */
@Component
public class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RefreshTokenRepository tokens;
    private final R2dbcEntityTemplate template;
    private final SessionProperties settings;
    private final Clock clock;

    public RefreshTokens(RefreshTokenRepository tokens, R2dbcEntityTemplate template, SessionProperties settings, Clock clock) {
        this.tokens = tokens;
        this.template = template;
        this.settings = settings;
        this.clock = clock;
    }

    /** Opens a session for a user who just logged in. */
    public Mono<Issued> open(UUID userId) {
        String secret = newSecret();
        Instant now = Instant.now(clock);
        RefreshToken first = RefreshToken.first(OneTimeTokens.hash(secret), userId, now, settings.refreshIdle(),
                settings.refreshAbsolute());
        return tokens.purgeEndedSessions(userId, now.minus(settings.refreshAbsolute()))
                .then(template.insert(first))
                .map(saved -> new Issued(secret, saved));
    }

    /**
     * Exchanges a token for the next one of its session. Completes empty, without an error, when the
     * token is not usable, so that the revocation of a replayed token's session commits with the rest.
     */
    public Mono<Issued> rotate(String secret) {
        String hash = OneTimeTokens.hash(secret);
        Instant now = Instant.now(clock);
        return tokens.findById(hash)
                .flatMap(stored -> switch (stored.state(now, settings.reuseGrace())) {
                    case USABLE -> tokens.rotate(hash, now).flatMap(won -> won == 1 ? next(stored, now) : Mono.empty());
                    case REPLAYED -> tokens.revokeSession(stored.sessionId(), now).then(Mono.empty());
                    case JUST_ROTATED, EXPIRED, REVOKED -> Mono.empty();
                });
    }

    /** Ends the session of a token just rotated (its user can no longer log in). */
    public Mono<Void> revokeSession(RefreshToken token) {
        return tokens.revokeSession(token.sessionId(), Instant.now(clock)).then();
    }

    /** Ends the session the token belongs to (logout); an unknown token changes nothing. */
    public Mono<Void> revoke(String secret) {
        Instant now = Instant.now(clock);
        return tokens.findById(OneTimeTokens.hash(secret))
                .flatMap(stored -> tokens.revokeSession(stored.sessionId(), now))
                .then();
    }

    /** Ends every session of the user (password changed or reset). */
    public Mono<Void> revokeAllOf(UUID userId) {
        return tokens.revokeAllOf(userId, Instant.now(clock)).then();
    }

    private Mono<Issued> next(RefreshToken stored, Instant now) {
        String secret = newSecret();
        return template.insert(stored.next(OneTimeTokens.hash(secret), now, settings.refreshIdle()))
                .map(saved -> new Issued(secret, saved));
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static ProblemException ended() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "session-expired", "Session terminée",
                "Votre session a pris fin. Connectez-vous à nouveau.");
    }

    /** A new refresh token: the secret for the cookie, and the stored row (user, session, expiry). */
    public record Issued(String secret, RefreshToken token) {
    }
}

package fr.portailfamilles.platform.web.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import reactor.core.publisher.Mono;

/**
 * Remembers the tokens its decoder has verified, keyed by the whole compact token (header, claims and
 * signature), so a parent's next calls skip the RSA check: at the opening rush every request of a parent
 * carries the same token, and verifying it each time was a fifth of reservation-service's CPU (HOL-1 JFR:
 * Base64 and BigInteger). A token whose signature or claims differ by one character is another key, hence
 * a miss, and goes to the decoder. Only successes are kept; an entry lives no longer than the token's own
 * validity nor than {@code maxTtl}, and a hit on a token expired meanwhile is dropped and verified again,
 * which refuses it.
 * <p>
 * The price: a token stays accepted for at most {@code maxTtl} after its signing key is withdrawn from
 * the JWKS. Tokens cannot be revoked anyway before they expire; the refresh token is the revocable one.
 */
public final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    public VerifiedTokenCache(ReactiveJwtDecoder decoder, TokenCacheProperties properties, Clock clock) {
        this(decoder, properties, clock, Ticker.systemTicker());
    }

    /** With the clock's ticker, for tests that move time. */
    VerifiedTokenCache(ReactiveJwtDecoder decoder, TokenCacheProperties properties, Clock clock, Ticker ticker) {
        this.decoder = decoder;
        this.clock = clock;
        long maxTtlNanos = properties.maxTtl().toNanos();
        this.verified = Caffeine.newBuilder()
                .maximumSize(properties.maxSize())
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt, maxTtlNanos)))
                .ticker(ticker)
                .recordStats()
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (unexpired(known)) {
                return Mono.just(known);
            }
            verified.invalidate(token);
        }
        return decoder.decode(token).doOnNext(jwt -> {
            if (unexpired(jwt)) {
                verified.put(token, jwt);
            }
        });
    }

    /** For the cache's metrics. */
    public Cache<String, Jwt> cache() {
        return verified;
    }

    /** The decoder this cache stands in front of. */
    public ReactiveJwtDecoder decoder() {
        return decoder;
    }

    private boolean unexpired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }

    private Duration lifetime(Jwt jwt, long maxTtlNanos) {
        Instant expiresAt = jwt.getExpiresAt();
        long untilExpiry = expiresAt == null ? 0 : Math.max(0, Duration.between(clock.instant(), expiresAt).toNanos());
        return Duration.ofNanos(Math.min(untilExpiry, maxTtlNanos));
    }
}

package fr.portailfamilles.platform.web.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** The cache in front of a real RSA decoder, with a clock the test moves (the decoder's and the cache's). */
class VerifiedTokenCacheTests {

    static final RSAKey KEY = generate();

    final MovableClock clock = new MovableClock(Instant.parse("2027-07-01T08:00:00Z"));
    final AtomicInteger verifications = new AtomicInteger();
    final VerifiedTokenCache cache = new VerifiedTokenCache(counting(decoder(clock)),
            new TokenCacheProperties(100, Duration.ofMinutes(5)), clock, () -> clock.nanos());

    @Test
    void whenTheSameTokenComesThreeTimesThenItsSignatureIsVerifiedOnce() {
        String token = sign(clock.instant().plus(Duration.ofMinutes(30)));

        Jwt first = cache.decode(token).block();
        Jwt second = cache.decode(token).block();
        Jwt third = cache.decode(token).block();

        assertThat(verifications).hasValue(1);
        assertThat(second).isSameAs(first);
        assertThat(third.getSubject()).isEqualTo("family-1");
    }

    @Test
    void whenACachedTokenHasExpiredThenItIsRefused() {
        String token = sign(clock.instant().plus(Duration.ofMinutes(2)));
        assertThat(cache.decode(token).block()).isNotNull();

        clock.move(Duration.ofMinutes(2).plusSeconds(1));

        assertThatThrownBy(() -> cache.decode(token).block()).isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void whenATokenOutlivesTheMaximumLifeOfAnEntryThenItIsVerifiedAgain() {
        String token = sign(clock.instant().plus(Duration.ofMinutes(30)));
        cache.decode(token).block();

        clock.move(Duration.ofMinutes(5).plusSeconds(1));
        cache.decode(token).block();

        assertThat(verifications).hasValue(2);
    }

    @Test
    void whenACachedTokenComesWithAnotherSignatureThenItIsAMissAndRefused() {
        String token = sign(clock.instant().plus(Duration.ofMinutes(30)));
        cache.decode(token).block();
        String signature = token.substring(token.lastIndexOf('.') + 1);
        char changed = signature.charAt(10) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, token.lastIndexOf('.') + 1)
                + signature.substring(0, 10) + changed + signature.substring(11);

        assertThatThrownBy(() -> cache.decode(tampered).block()).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
        assertThat(cache.cache().asMap()).containsOnlyKeys(token);
    }

    @Test
    void whenATokenIsRefusedThenTheRefusalIsNotRemembered() {
        String expired = sign(clock.instant().minusSeconds(1));

        assertThatThrownBy(() -> cache.decode(expired).block()).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> cache.decode(expired).block()).isInstanceOf(JwtException.class);

        assertThat(verifications).hasValue(2);
        assertThat(cache.cache().asMap()).isEmpty();
    }

    private ReactiveJwtDecoder counting(ReactiveJwtDecoder decoder) {
        return token -> {
            verifications.incrementAndGet();
            return decoder.decode(token);
        };
    }

    private static ReactiveJwtDecoder decoder(Clock clock) {
        try {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey((RSAPublicKey) KEY.toPublicKey()).build();
            JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
            timestamps.setClock(clock);
            decoder.setJwtValidator(timestamps);
            return decoder;
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String sign(Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("family-1")
                .issueTime(Date.from(clock.instant().minusSeconds(60))).expirationTime(Date.from(expiresAt)).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k").build(), claims);
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("k").generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A clock the test moves; its nanos drive the cache's ticker. */
    static final class MovableClock extends Clock {

        private final Instant start;
        private volatile Duration moved = Duration.ZERO;

        MovableClock(Instant start) {
            this.start = start;
        }

        void move(Duration by) {
            moved = moved.plus(by);
        }

        long nanos() {
            return moved.toNanos();
        }

        @Override
        public Instant instant() {
            return start.plus(moved);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

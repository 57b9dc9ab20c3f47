package fr.portailfamilles.gateway;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Tokens as account-service issues them, signed by a key whose JWKS the fake account-service serves. */
final class TestTokens {

    static final String ISSUER = "https://portail-familles.fr";
    static final String AUDIENCE = "portail-familles";
    private static final String KEY_ID = "test-key";

    private final RSAKey key = generate();
    /** Another key claiming the same key id: what a forger would use. */
    private final RSAKey forgedKey = generate();

    String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    String parent() {
        return sign(key, claims -> claims.claim("roles", List.of("PARENT")).claim("family_id", UUID.randomUUID().toString()));
    }

    String staff() {
        return sign(key, claims -> claims.claim("roles", List.of("STAFF")));
    }

    String expired() {
        Instant past = Instant.now().minus(2, ChronoUnit.HOURS);
        return sign(key, claims -> claims.claim("roles", List.of("STAFF"))
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plus(15, ChronoUnit.MINUTES))));
    }

    String wrongAudience() {
        return sign(key, claims -> claims.claim("roles", List.of("STAFF")).audience("another-application"));
    }

    String wrongIssuer() {
        return sign(key, claims -> claims.claim("roles", List.of("STAFF")).issuer("https://attacker.example"));
    }

    String signedByAnotherKey() {
        return sign(forgedKey, claims -> claims.claim("roles", List.of("STAFF")));
    }

    private static String sign(RSAKey signingKey, UnaryOperator<JWTClaimsSet.Builder> customizer) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(UUID.randomUUID().toString())
                .claim("email", "camille.martin@example.fr")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(15, ChronoUnit.MINUTES)));
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(),
                    customizer.apply(claims).build());
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

package fr.portailfamilles.account.auth.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import fr.portailfamilles.account.auth.domain.UserAccount;
import fr.portailfamilles.platform.web.SecurityProperties;
import reactor.core.publisher.Mono;

/** Issues the short-lived RS256 access tokens every service verifies against the published JWKS. */
@Component
public class TokenIssuer {

    private final SigningKeys keys;
    private final SecurityProperties security;
    private final Duration lifetime;
    private final Clock clock;

    public TokenIssuer(SigningKeys keys, SecurityProperties security,
            @Value("${portail.tokens.lifetime}") Duration lifetime, Clock clock) {
        this.keys = keys;
        this.security = security;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Mono<IssuedToken> issue(UserAccount account) {
        Instant now = Instant.now(clock);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(security.issuer())
                .audience(security.audience())
                .subject(account.id().toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim("email", account.email())
                .claim("name", account.displayName())
                .claim("roles", account.roles());
        if (account.familyId() != null) {
            claims.claim("family_id", account.familyId().toString());
        }
        return keys.current().map(key -> {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT).build(), claims.build());
                jwt.sign(new RSASSASigner(key));
                return new IssuedToken(jwt.serialize(), lifetime);
            }
            catch (JOSEException ex) {
                throw new IllegalStateException("Could not sign a token", ex);
            }
        });
    }

    public record IssuedToken(String value, Duration lifetime) {
    }
}

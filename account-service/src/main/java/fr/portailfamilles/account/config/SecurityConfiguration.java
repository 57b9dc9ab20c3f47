package fr.portailfamilles.account.config;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.nimbusds.jose.jwk.JWK;

import fr.portailfamilles.account.auth.application.SigningKeys;
import fr.portailfamilles.platform.web.SecurityProperties;
import fr.portailfamilles.platform.web.WebSupportAutoConfiguration;
import reactor.core.publisher.Flux;

@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return passwordEncoders();
    }

    /**
     * New hashes: Argon2id at OWASP's minimum (19 MiB, 2 passes, 1 lane), stored as {@code {argon2}…}.
     * Measured here (2026-11-28, 2 loaded cores) against bcrypt cost 10, the other OWASP minimum:
     * 36 ms and 48 hashes/s on two threads for Argon2id, 90 ms and 21/s for bcrypt 10, 370 ms and 5/s
     * for the former bcrypt 12 ({@code PasswordHashingCostTests} prints it). Hashes without a prefix are
     * the former bcrypt cost-12 ones: they still match, and {@code upgradeEncoding} says they must be
     * hashed again, which the next successful login does. The one place the choice is made.
     */
    public static PasswordEncoder passwordEncoders() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);
        DelegatingPasswordEncoder encoders = new DelegatingPasswordEncoder(ARGON2, Map.of(
                ARGON2, new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2),
                "bcrypt", bcrypt));
        encoders.setDefaultPasswordEncoderForMatches(bcrypt);
        return encoders;
    }

    private static final String ARGON2 = "argon2";

    /** The issuer verifies its own tokens from its key store rather than over HTTP from itself. */
    @Bean
    ReactiveJwtDecoder jwtDecoder(SigningKeys keys, SecurityProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSource(jwt -> keys.publicKeys().flatMapMany(set -> Flux.<JWK>fromIterable(set.getKeys())))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(WebSupportAutoConfiguration.tokenValidator(properties));
        return decoder;
    }
}

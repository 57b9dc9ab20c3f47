package fr.portailfamilles.account.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
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

    /** bcrypt at cost 12: above OWASP's minimum of 10; measured 0.6–0.7 s per hash on the loaded 2-core build machine (PasswordHashingCostTests). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return passwordEncoderForCost();
    }

    /** The one place the cost is chosen, also measured by {@code PasswordHashingCostTests}. */
    public static PasswordEncoder passwordEncoderForCost() {
        return new BCryptPasswordEncoder(12);
    }

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

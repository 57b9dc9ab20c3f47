package fr.portailfamilles.platform.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * How a service checks the tokens account-service issues.
 *
 * @param jwksUri where account-service publishes its public keys
 * @param issuer the expected {@code iss}
 * @param audience the expected {@code aud}
 * @param publicPaths paths anyone may call (login, account request, health...)
 * @param cookieName the HttpOnly cookie that carries the token for the web pages
 */
@Validated
@ConfigurationProperties("portail.security")
public record SecurityProperties(@NotBlank String jwksUri, @NotBlank String issuer, @NotBlank String audience,
        List<String> publicPaths, @NotBlank String cookieName) {

    public SecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}

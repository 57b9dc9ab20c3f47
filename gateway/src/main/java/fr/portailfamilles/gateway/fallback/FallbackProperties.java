package fr.portailfamilles.gateway.fallback;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * How the gateway answers when a service is unavailable.
 *
 * @param retryAfter what the {@code Retry-After} header tells clients to wait
 */
@Validated
@ConfigurationProperties("portail.gateway.fallback")
public record FallbackProperties(@NotNull Duration retryAfter) {
}

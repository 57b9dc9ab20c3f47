package fr.portailfamilles.gateway.fallback;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * How the gateway answers when a service is unavailable.
 *
 * @param retryAfter what the {@code Retry-After} header tells clients to wait
 * @param logInterval at most one fallback line per service and cause in this interval
 */
@Validated
@ConfigurationProperties("portail.gateway.fallback")
public record FallbackProperties(@NotNull Duration retryAfter, @NotNull Duration logInterval) {
}

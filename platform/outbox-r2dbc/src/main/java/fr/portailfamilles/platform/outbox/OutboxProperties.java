package fr.portailfamilles.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * How the relay drains the outbox.
 *
 * @param relayEnabled whether this instance relays (writers always write)
 * @param pollInterval pause between polls when the outbox is empty
 * @param batchSize rows claimed per transaction
 * @param maxAttempts failures after which a row the broker refuses outright is parked
 * @param sendTimeout how long one send waits for the broker's acknowledgement; above the producer's own max.block + delivery timeouts, so the producer gives up first
 * @param retention how long published rows are kept before clean-up
 */
@Validated
@ConfigurationProperties("portail.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("100") @Min(1) int batchSize,
        @DefaultValue("10") @Min(1) int maxAttempts,
        @DefaultValue("20s") Duration sendTimeout,
        @DefaultValue("7d") Duration retention) {
}

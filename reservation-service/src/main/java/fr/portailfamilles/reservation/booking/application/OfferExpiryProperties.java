package fr.portailfamilles.reservation.booking.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How expired waiting-list offers are released.
 *
 * @param enabled whether this instance runs the expiry loop (every instance may: they never release one offer twice)
 * @param interval pause between passes; an offer is released at most this long after it expired
 * @param batchSize offers released per pass at most (each in its own transaction) before pausing
 */
@Validated
@ConfigurationProperties("portail.reservation.offer-expiry")
public record OfferExpiryProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration interval,
        @DefaultValue("100") @Min(1) @Max(10000) int batchSize) {
}

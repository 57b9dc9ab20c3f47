package fr.portailfamilles.reservation.booking.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * Booking settings.
 *
 * @param unpaidThresholdCents a parent whose family owes more than this in unpaid invoices (euro cents, as
 *                             billing-service last said) cannot book online; staff booking on behalf of the family can
 */
@Validated
@ConfigurationProperties("portail.reservation")
public record BookingProperties(@DefaultValue("15000") @Min(0) int unpaidThresholdCents) {
}

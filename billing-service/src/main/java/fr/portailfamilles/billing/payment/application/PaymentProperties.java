package fr.portailfamilles.billing.payment.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The online payment service, PayFiP-style.
 *
 * @param secret     the HMAC-SHA256 key the payment service signs its notifications with
 * @param serviceUrl where the parent is sent, the operation id appended (the built-in simulator by default)
 * @param returnUrl  where the parent comes back, the payment id appended (the return is only UI: the notification decides)
 * @param simulator  whether the built-in simulator answers (local runs and tests only: it lets a parent pay without paying)
 */
@Validated
@ConfigurationProperties("portail.billing.payment")
public record PaymentProperties(@NotBlank @Size(min = 16) String secret, @NotBlank String serviceUrl, @NotBlank String returnUrl,
        boolean simulator) {

    /** The secret application.yml falls back to: good for a local run with the simulator, never for a real payment service. */
    static final String LOCAL_SECRET = "local-payment-simulator-secret-change-me";

    public PaymentProperties {
        if (!simulator && LOCAL_SECRET.equals(secret)) {
            throw new IllegalStateException("PAYMENT_SECRET must be set to the secret shared with the payment service"
                    + " (the local default only goes with the built-in simulator)");
        }
    }
}

package fr.portailfamilles.billing.payment.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class PaymentPropertiesTests {

    @Test
    void whenTheSimulatorIsOffThenTheLocalDefaultSecretIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new PaymentProperties(PaymentProperties.LOCAL_SECRET, "https://paiement.example/", "/factures.html", false))
                .withMessageContaining("PAYMENT_SECRET");
    }

    @Test
    void whenTheSimulatorIsOnOrARealSecretIsGivenThenTheServiceStarts() {
        assertThat(new PaymentProperties(PaymentProperties.LOCAL_SECRET, "/api/payments/simulator/", "/factures.html", true).simulator())
                .isTrue();
        assertThat(new PaymentProperties("a-real-secret-of-32-characters!!", "https://paiement.example/", "/factures.html", false).secret())
                .startsWith("a-real");
    }
}

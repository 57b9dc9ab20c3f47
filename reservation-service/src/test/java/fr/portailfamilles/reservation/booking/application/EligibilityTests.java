package fr.portailfamilles.reservation.booking.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import fr.portailfamilles.platform.web.ProblemException;

class EligibilityTests {

    @Test
    void aFamilyOwingUpToTheThresholdMayBookAndOneCentMoreIsRefusedWithTheAmountAndWhatToDo() {
        assertThat(Eligibility.unpaid(0, 15000)).isEmpty();
        assertThat(Eligibility.unpaid(15000, 15000)).isEmpty();

        ProblemException refusal = Eligibility.unpaid(15001, 15000).orElseThrow();
        assertThat(refusal.status().value()).isEqualTo(422);
        assertThat(refusal.toProblemDetail().getProperties()).containsEntry("rule", "unpaid-invoices")
                .containsEntry("unpaidCents", 15001).containsEntry("thresholdCents", 15000);
        assertThat(refusal.toProblemDetail().getDetail())
                .isEqualTo("Des factures restent à payer (150,01 €) : réglez-les dans Mes factures pour réserver à nouveau.");
    }

    @Test
    void aThresholdOfZeroRefusesAnyUnpaidInvoice() {
        assertThat(Eligibility.unpaid(1, 0)).isPresent();
    }

    @Test
    void amountsReadAsOnTheInvoice() {
        assertThat(Eligibility.euros(5440)).isEqualTo("54,40 €");
        assertThat(Eligibility.euros(7)).isEqualTo("0,07 €");
        assertThat(Eligibility.euros(125050)).isEqualTo("1 250,50 €");
        assertThat(Eligibility.euros(123456789)).isEqualTo("1 234 567,89 €");
    }
}

package fr.portailfamilles.billing.invoice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvoiceNumberTests {

    @Test
    void theNumberIsTheStructuresInitialsTheYearAndASixDigitCounter() {
        assertThat(InvoiceNumber.of("Accueil de loisirs Les Petits Loups", 2027, 1)).isEqualTo("PL-2027-000001");
        assertThat(InvoiceNumber.of("ALSH Bois Joli", 2026, 123)).isEqualTo("ABJ-2026-000123");
        assertThat(InvoiceNumber.of("Crèche Île aux Enfants du Vieux Port", 2026, 7)).isEqualTo("CIEV-2026-000007");
        assertThat(InvoiceNumber.of("Les Écureuils", 2026, 2)).isEqualTo("EFA-2026-000002");
    }
}

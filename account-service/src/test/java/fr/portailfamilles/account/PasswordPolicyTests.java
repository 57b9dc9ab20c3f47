package fr.portailfamilles.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import fr.portailfamilles.account.auth.application.PasswordPolicy;
import fr.portailfamilles.platform.web.ProblemException;

class PasswordPolicyTests {

    PasswordPolicy policy = new PasswordPolicy();

    @Test
    void shortPasswordsAreRefused() {
        assertThatThrownBy(() -> policy.check("Court-123!", null)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("12 caractères");
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheCase() {
        for (String common : new String[] { "motdepasse123", "MotDePasse123", "AZERTYUIOP123", "password1234" }) {
            assertThatThrownBy(() -> policy.check(common, null)).as(common).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("trop courant");
        }
        assertThat(policy.size()).isGreaterThan(300);
    }

    @Test
    void theEmailAddressIsNotAPassword() {
        assertThatThrownBy(() -> policy.check("lea.martin@exemple.fr", "Lea.Martin@exemple.fr")).isInstanceOf(ProblemException.class);
    }

    @Test
    void passwordsBcryptWouldTruncateAreRefused() {
        assertThatThrownBy(() -> policy.check("é".repeat(40), null)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("trop long");
    }

    @Test
    void aLongUncommonPassphraseIsAccepted() {
        assertThatCode(() -> policy.check("Une phrase de passe pour Léa", "lea@exemple.fr")).doesNotThrowAnyException();
    }
}

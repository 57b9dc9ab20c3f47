package fr.portailfamilles.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import fr.portailfamilles.account.config.SecurityConfiguration;

/**
 * The password hash cost and its time per hash on this machine (printed): bcrypt at cost 12, the
 * encoder the service really uses. Run alone with
 * {@code ./mvnw -B -o -pl account-service test -Dtest=PasswordHashingCostTests}.
 */
class PasswordHashingCostTests {

    @Test
    void passwordsAreHashedWithBcryptCost12AndTakeAMeasurableTime() {
        PasswordEncoder encoder = SecurityConfiguration.passwordEncoderForCost();
        String hash = encoder.encode("Une phrase de passe pour Léa");
        assertThat(hash).startsWith("$2a$12$");
        for (int i = 0; i < 2; i++) {
            encoder.encode("échauffement-" + i);
        }
        int rounds = 8;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            encoder.matches("Une phrase de passe pour Léa", hash);
        }
        double millisPerHash = (System.nanoTime() - start) / 1e6 / rounds;
        System.out.printf("bcrypt cost 12: %.1f ms per hash (%d rounds)%n", millisPerHash, rounds);
        assertThat(millisPerHash).as("cost 12 is 4096 key-expansion rounds, never instant").isGreaterThan(20);
        assertThat(encoder.matches("Une phrase de passe pour Léa", hash)).isTrue();
    }
}

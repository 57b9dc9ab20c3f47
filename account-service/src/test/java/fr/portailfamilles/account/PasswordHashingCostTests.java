package fr.portailfamilles.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import fr.portailfamilles.account.config.SecurityConfiguration;

/**
 * The password hash settings the service really uses, and their time per hash on this machine
 * (printed, beside bcrypt 10 and the former bcrypt 12 for comparison). Run alone with
 * {@code ./mvnw -B -o -pl account-service test -Dtest=PasswordHashingCostTests}.
 */
class PasswordHashingCostTests {

    static final String PASSWORD = "Une phrase de passe pour Léa";

    @Test
    void newPasswordsAreHashedWithArgon2idAtOwaspMinimumAndTakeAMeasurableTime() {
        PasswordEncoder encoder = SecurityConfiguration.passwordEncoders();
        String hash = encoder.encode(PASSWORD);
        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        double argon2 = millisPerMatch(encoder, hash, 10);
        double bcrypt10 = millisPerMatch(encoder, "{bcrypt}" + new BCryptPasswordEncoder(10).encode(PASSWORD), 10);
        double bcrypt12 = millisPerMatch(encoder, new BCryptPasswordEncoder(12).encode(PASSWORD), 4);
        System.out.printf("ms per hash: Argon2id 19 MiB t=2 p=1 %.1f, bcrypt 10 %.1f, bcrypt 12 %.1f%n", argon2, bcrypt10, bcrypt12);
        assertThat(argon2).as("19 MiB filled twice is never instant").isGreaterThan(5);
        assertThat(encoder.matches("une autre", hash)).isFalse();
    }

    @Test
    void formerBcryptCost12HashesStillMatchAndAskToBeHashedAgain() {
        PasswordEncoder encoder = SecurityConfiguration.passwordEncoders();
        String legacy = new BCryptPasswordEncoder(12).encode(PASSWORD);
        assertThat(encoder.matches(PASSWORD, legacy)).isTrue();
        assertThat(encoder.matches("une autre", legacy)).isFalse();
        assertThat(encoder.upgradeEncoding(legacy)).isTrue();
        assertThat(encoder.upgradeEncoding(encoder.encode(PASSWORD))).isFalse();
        assertThat(encoder.matches(PASSWORD, "!")).as("an account without a password yet").isFalse();
    }

    private static double millisPerMatch(PasswordEncoder encoder, String hash, int rounds) {
        for (int i = 0; i < 2; i++) {
            encoder.matches("échauffement-" + i, hash);
        }
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            assertThat(encoder.matches(PASSWORD, hash)).isTrue();
        }
        return (System.nanoTime() - start) / 1e6 / rounds;
    }
}

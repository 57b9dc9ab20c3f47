package fr.portailfamilles.platform.web.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.portailfamilles.platform.web.ProblemException;

class AdmissionPassesTests {

    static final Instant NOW = Instant.parse("2027-09-01T08:00:00Z");
    static final String SECRET = "a-test-secret-of-more-than-thirty-two-bytes";

    final AdmissionPasses passes = AdmissionPasses.create(SECRET, false, Clock.fixed(NOW, ZoneOffset.UTC));
    final AdmissionPasses.Pass pass = new AdmissionPasses.Pass(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            NOW.plusSeconds(600));

    @Test
    void aPassIssuedIsReadBackForItsFamily() {
        assertThat(passes.verify(passes.issue(pass), pass.familyId())).isEqualTo(pass);
    }

    @Test
    void aPassSignedWithAnotherSecretIsRefusedAsInvalid() {
        String forged = AdmissionPasses.create("another-secret-of-more-than-thirty-two-bytes", false, Clock.systemUTC()).issue(pass);
        assertRefused(forged, pass.familyId(), "admission-pass-invalid");
        assertRefused("not.a.jws", pass.familyId(), "admission-pass-invalid");
        // A pass with its payload swapped for another family's keeps the first signature: refused.
        String other = passes.issue(new AdmissionPasses.Pass(UUID.randomUUID(), pass.userId(), pass.periodId(), pass.expiresAt()));
        String[] a = passes.issue(pass).split("\\.");
        String[] b = other.split("\\.");
        assertRefused(a[0] + "." + b[1] + "." + a[2], pass.familyId(), "admission-pass-invalid");
    }

    @Test
    void anExpiredPassIsRefused() {
        String expired = passes.issue(new AdmissionPasses.Pass(pass.familyId(), pass.userId(), pass.periodId(), NOW));
        assertRefused(expired, pass.familyId(), "admission-pass-expired");
    }

    @Test
    void anotherFamilysPassIsRefused() {
        assertRefused(passes.issue(pass), UUID.randomUUID(), "admission-pass-other-family");
    }

    @Test
    void theLocalSecretGoesOnlyWithDemoData() {
        assertThatIllegalStateException().isThrownBy(() -> AdmissionPasses.create(AdmissionPasses.LOCAL_SECRET, false, Clock.systemUTC()))
                .withMessageContaining("ADMISSION_PASS_SECRET");
        assertThat(AdmissionPasses.create(AdmissionPasses.LOCAL_SECRET, true, Clock.systemUTC())).isNotNull();
        assertThatIllegalStateException().isThrownBy(() -> AdmissionPasses.create("short", true, Clock.systemUTC()));
    }

    private void assertRefused(String compact, UUID familyId, String type) {
        assertThatThrownBy(() -> passes.verify(compact, familyId)).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.status().value()).isEqualTo(403);
            assertThat(problem.toProblemDetail().getType().toString()).endsWith("/" + type);
        });
    }
}

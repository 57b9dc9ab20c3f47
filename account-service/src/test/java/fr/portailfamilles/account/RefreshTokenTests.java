package fr.portailfamilles.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.portailfamilles.account.auth.domain.RefreshToken;
import fr.portailfamilles.account.auth.domain.RefreshToken.State;

class RefreshTokenTests {

    static final Duration IDLE = Duration.ofHours(12);
    static final Duration ABSOLUTE = Duration.ofDays(7);
    static final Duration GRACE = Duration.ofSeconds(10);
    static final Instant LOGIN = Instant.parse("2027-06-01T08:00:00Z");

    @Test
    void eachRotationRestartsTheIdleTimeButNeverPassesTheSessionEnd() {
        RefreshToken first = RefreshToken.first("h1", UUID.randomUUID(), LOGIN, IDLE, ABSOLUTE);
        assertThat(first.expiresAt()).isEqualTo(LOGIN.plus(IDLE));
        assertThat(first.sessionExpiresAt()).isEqualTo(LOGIN.plus(ABSOLUTE));

        Instant later = LOGIN.plus(Duration.ofHours(10));
        RefreshToken second = first.next("h2", later, IDLE);
        assertThat(second.sessionId()).isEqualTo(first.sessionId());
        assertThat(second.expiresAt()).isEqualTo(later.plus(IDLE));

        Instant lastDay = LOGIN.plus(ABSOLUTE).minus(Duration.ofHours(1));
        assertThat(second.next("h3", lastDay, IDLE).expiresAt()).isEqualTo(LOGIN.plus(ABSOLUTE));
    }

    @Test
    void aTokenIsUsableUntilItsIdleEndThenExpired() {
        RefreshToken token = RefreshToken.first("h", UUID.randomUUID(), LOGIN, IDLE, ABSOLUTE);
        assertThat(token.state(LOGIN.plus(IDLE).minusSeconds(1), GRACE)).isEqualTo(State.USABLE);
        assertThat(token.state(LOGIN.plus(IDLE), GRACE)).isEqualTo(State.EXPIRED);
    }

    @Test
    void aRotatedTokenPresentedAgainIsAReplayOnceTheGraceHasPassed() {
        Instant rotated = LOGIN.plusSeconds(60);
        RefreshToken used = new RefreshToken("h", UUID.randomUUID(), UUID.randomUUID(), LOGIN, LOGIN.plus(IDLE),
                LOGIN.plus(ABSOLUTE), rotated, null);
        assertThat(used.state(rotated.plusSeconds(9), GRACE)).isEqualTo(State.JUST_ROTATED);
        assertThat(used.state(rotated.plus(GRACE), GRACE)).isEqualTo(State.REPLAYED);
        RefreshToken revoked = new RefreshToken("h", UUID.randomUUID(), UUID.randomUUID(), LOGIN, LOGIN.plus(IDLE),
                LOGIN.plus(ABSOLUTE), rotated, rotated);
        assertThat(revoked.state(rotated.plusSeconds(1), GRACE)).isEqualTo(State.REVOKED);
    }
}

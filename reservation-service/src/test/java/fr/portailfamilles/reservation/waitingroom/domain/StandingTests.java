package fr.portailfamilles.reservation.waitingroom.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import fr.portailfamilles.reservation.waitingroom.domain.Standing.Status;

class StandingTests {

    static final Instant OPENS = Instant.parse("2027-09-01T08:00:00Z");
    static final Instant CLOSES = Instant.parse("2027-10-01T08:00:00Z");

    private static Standing.Snapshot room(boolean enabled, boolean drawn, double admitted, Double pace, Instant closedAt, Integer position) {
        return new Standing.Snapshot(OPENS, CLOSES, enabled, 60, drawn, admitted, pace, closedAt, true, position);
    }

    @Test
    void beforeTheDrawAFamilyWaitsWithoutAPlaceAndIsToldWhenItOpens() {
        Standing standing = Standing.of(room(true, false, 0, null, null, null), OPENS.minusSeconds(90));
        assertThat(standing).isEqualTo(new Standing(Status.WAITING, OPENS, null, null, 90L));
    }

    @Test
    void afterTheDrawThePlaceTheFamiliesAheadAndTheWaitAtThePaceApplied() {
        Standing standing = Standing.of(room(true, true, 4.7, 30.0, null, 10), OPENS.plusSeconds(10));
        // 4 admitted; 5 ahead; (10 - 4) families at 30 a minute: 12 s.
        assertThat(standing).isEqualTo(new Standing(Status.WAITING, OPENS, 10, 5, 12L));
        assertThat(Standing.of(room(true, true, 10.0, 30.0, null, 10), OPENS.plusSeconds(30)).status()).isEqualTo(Status.ADMITTED);
    }

    @Test
    void noRoomToPassWhenNoneIsSetWhenItClosedOrWhenBookingsClosed() {
        assertThat(Standing.of(room(false, false, 0, null, null, null), OPENS).status()).isEqualTo(Status.NOT_REQUIRED);
        assertThat(Standing.of(room(true, true, 3, 60.0, OPENS.plusSeconds(600), 2), OPENS.plusSeconds(700)).status())
                .isEqualTo(Status.NOT_REQUIRED);
        assertThat(Standing.of(room(true, true, 0, 60.0, null, 2), CLOSES).status()).isEqualTo(Status.NOT_REQUIRED);
    }

    @Test
    void aPassIsRequiredFromTheOpeningUntilTheRoomClosesOrBookingsClose() {
        assertThat(room(true, false, 0, null, null, null).passRequired(OPENS.minusSeconds(1))).isFalse();
        assertThat(room(true, true, 0, null, null, null).passRequired(OPENS)).isTrue();
        assertThat(room(true, true, 0, null, OPENS.plusSeconds(600), null).passRequired(OPENS.plusSeconds(601))).isFalse();
        assertThat(room(false, true, 0, null, null, null).passRequired(OPENS.plusSeconds(1))).isFalse();
    }
}

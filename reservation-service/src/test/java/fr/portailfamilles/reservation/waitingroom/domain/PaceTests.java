package fr.portailfamilles.reservation.waitingroom.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PaceTests {

    @Test
    void fullPaceWhileNoBookingWaitsForAConnection() {
        assertThat(Pace.factor(0, 20)).isEqualTo(1.0);
    }

    @Test
    void slowerAsBookingsQueueForConnectionsButNeverStopped() {
        assertThat(Pace.factor(20, 20)).isCloseTo(0.5, within(1e-9));
        assertThat(Pace.factor(80, 20)).isCloseTo(0.2, within(1e-9));
        assertThat(Pace.factor(10_000, 20)).isEqualTo(Pace.MIN_FACTOR);
    }

    @Test
    void theWatermarkMovesAtThePaceAndNeverPastTheFamiliesQueued() {
        assertThat(Pace.advance(0, 100, 60, Duration.ofSeconds(10))).isCloseTo(10, within(1e-9));
        assertThat(Pace.advance(2.5, 100, 30, Duration.ofSeconds(1))).isCloseTo(3.0, within(1e-9));
        assertThat(Pace.advance(0, 4, 600, Duration.ofSeconds(10))).isEqualTo(4);
        assertThat(Pace.advance(3, 100, 60, Duration.ofSeconds(-5))).as("a clock going back admits nobody").isEqualTo(3);
    }
}

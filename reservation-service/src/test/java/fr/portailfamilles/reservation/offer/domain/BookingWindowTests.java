package fr.portailfamilles.reservation.offer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class BookingWindowTests {

    static final Instant OPENS = Instant.parse("2027-05-01T08:00:00Z");
    static final Instant CLOSES = Instant.parse("2027-07-01T20:00:00Z");

    @Test
    void whenItOpensBeforeItClosesWithEveryoneInBetweenThenItIsAccepted() {
        assertThat(new BookingWindow(OPENS, null, CLOSES).refusal()).isEmpty();
        assertThat(new BookingWindow(OPENS, OPENS.plusSeconds(3600), CLOSES).refusal()).isEmpty();
        assertThat(new BookingWindow(OPENS, CLOSES, CLOSES).refusal()).isEmpty();
    }

    @Test
    void whenItClosesBeforeItOpensOrOpensToEveryoneOutsideItThenItIsRefused() {
        assertThat(new BookingWindow(CLOSES, null, OPENS).refusal()).isPresent();
        assertThat(new BookingWindow(OPENS, null, OPENS).refusal()).isPresent();
        assertThat(new BookingWindow(OPENS, OPENS.minusSeconds(1), CLOSES).refusal()).isPresent();
        assertThat(new BookingWindow(OPENS, CLOSES.plusSeconds(1), CLOSES).refusal()).isPresent();
    }
}

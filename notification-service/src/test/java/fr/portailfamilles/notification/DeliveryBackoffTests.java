package fr.portailfamilles.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import fr.portailfamilles.notification.mail.application.MailProperties;

class DeliveryBackoffTests {

    private final MailProperties.Delivery delivery = new MailProperties.Delivery(8, Duration.ofSeconds(10),
            Duration.ofMinutes(30), Duration.ofSeconds(1), Duration.ofSeconds(30), 4, 10, Duration.ofSeconds(30), 500,
            Duration.ofSeconds(5));

    @Test
    void whenAttemptsFailThenThePauseDoublesFromTheInitialBackoff() {
        assertThat(delivery.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(delivery.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(delivery.backoffAfter(5)).isEqualTo(Duration.ofSeconds(160));
    }

    @Test
    void whenManyAttemptsFailThenThePauseStopsAtTheMaxBackoff() {
        assertThat(delivery.backoffAfter(9)).isEqualTo(Duration.ofMinutes(30));
        assertThat(delivery.backoffAfter(1000)).isEqualTo(Duration.ofMinutes(30));
    }
}

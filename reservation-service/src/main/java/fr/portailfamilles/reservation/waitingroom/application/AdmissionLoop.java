package fr.portailfamilles.reservation.waitingroom.application;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import fr.portailfamilles.platform.outbox.BackgroundLoop;
import reactor.core.publisher.Mono;

/**
 * Runs {@link Admissions#advance()} every {@code tick} on every instance; the advisory lock lets one of them work,
 * and another takes over within a tick when it stops.
 */
@Component
@ConditionalOnProperty(name = "portail.waiting-room.loop-enabled", havingValue = "true", matchIfMissing = true)
public class AdmissionLoop extends BackgroundLoop {

    private final Admissions admissions;
    private final WaitingRoomProperties properties;

    public AdmissionLoop(Admissions admissions, WaitingRoomProperties properties) {
        super("waiting-room-admission");
        this.admissions = admissions;
        this.properties = properties;
    }

    @Override
    protected Mono<Duration> pass() {
        return admissions.advance().thenReturn(properties.tick());
    }

    @Override
    protected Duration pauseAfterError() {
        return properties.tick().multipliedBy(5);
    }
}

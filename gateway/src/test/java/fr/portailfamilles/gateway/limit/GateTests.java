package fr.portailfamilles.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;

import fr.portailfamilles.gateway.limit.ConcurrencyLimits.RequestClass;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.test.StepVerifier;

/** The bounded wait: woken by a release, refused at its deadline or when the line is full, no place lost. */
class GateTests {

    private final SimpleLimiter<Void> limiter = SimpleLimiter.newBuilder().limit(FixedLimit.of(1)).build();
    private final Gate gate = new Gate("reservation-service", RequestClass.WRITES, limiter,
            new SimpleMeterRegistry().counter("refused"), 1);

    private Limiter.Listener takeThePlace() {
        return gate.acquire(Duration.ZERO).blockOptional().orElseThrow();
    }

    @Test
    void whenAPlaceIsReleasedWithinTheWaitThenTheWaiterGetsIt() {
        Limiter.Listener first = takeThePlace();

        StepVerifier.create(gate.acquire(Duration.ofSeconds(5)))
                .then(first::onSuccess)
                .assertNext(place -> assertThat(limiter.getInflight()).isEqualTo(1))
                .verifyComplete();
    }

    @Test
    void whenNoPlaceIsReleasedThenRefusedAtTheDeadlineAndNoPlaceIsLost() {
        Limiter.Listener first = takeThePlace();

        StepVerifier.withVirtualTime(() -> gate.acquire(Duration.ofMillis(50)))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(49))
                .thenAwait(Duration.ofMillis(1))
                .verifyComplete();
        assertThat(gate.waiting()).isZero();

        first.onSuccess();
        assertThat(limiter.getInflight()).isZero();
        takeThePlace();
    }

    @Test
    void whenTheWaitingLineIsFullThenRefusedAtOnce() {
        takeThePlace();
        gate.acquire(Duration.ofSeconds(5)).subscribe();

        StepVerifier.create(gate.acquire(Duration.ofSeconds(5)))
                .expectComplete()
                .verify(Duration.ofMillis(500));
    }

    @Test
    void whenAWaiterGoesAwayThenTheReleasedPlaceIsFreeForTheNext() {
        Limiter.Listener first = takeThePlace();
        gate.acquire(Duration.ofSeconds(5)).subscribe().dispose();

        first.onSuccess();

        assertThat(limiter.getInflight()).isZero();
        takeThePlace();
    }

    @Test
    void whenNoWaitIsAllowedThenRefusedAtOnce() {
        takeThePlace();

        StepVerifier.create(gate.acquire(Duration.ZERO)).expectComplete().verify(Duration.ofMillis(500));
    }
}

package fr.portailfamilles.gateway.limit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The adaptive concurrency limits in front of each service: one limiter for reads (GET, HEAD,
 * OPTIONS) and one for writes per route, so a flood of bookings never starves the calendar nor
 * another service; and on a route that says so, one for the waiting room, so that joining it never
 * competes with the bookings it paces. The route of a request is found from its path with the
 * routes' own {@code Path} predicates, before the token is checked.
 *
 * @param retryAfter what the {@code Retry-After} header of a 429 tells clients to wait
 * @param maxWait how long a request may wait for a free place before being refused (zero: refused at once)
 * @param maxWaiting how many requests may wait at once per route and class; the next are refused at once
 * @param logInterval at most one line per route and class in this interval, saying how many were refused
 * @param routes limits per route id; a route not listed here is not limited
 * @param waitingRoomPaths path patterns (any method) of the waiting room, limited by their route's
 *        {@code waiting-room} limiter when it has one
 */
@Validated
@ConfigurationProperties("portail.gateway.concurrency-limits")
public record ConcurrencyLimitProperties(@NotNull Duration retryAfter, @NotNull Duration maxWait,
        @Min(0) @Max(10_000) int maxWaiting, @NotNull Duration logInterval, @NotEmpty Map<String, @Valid @NotNull RouteLimits> routes,
        @DefaultValue List<@NotNull String> waitingRoomPaths) {

    @AssertTrue(message = "max-wait must stay under 100 ms: a refusal has to come quickly")
    boolean isMaxWaitShort() {
        return maxWait == null || (!maxWait.isNegative() && maxWait.compareTo(Duration.ofMillis(100)) < 0);
    }

    @AssertTrue(message = "retry-after must be at least one second")
    boolean isRetryAfterPositive() {
        return retryAfter == null || retryAfter.toSeconds() >= 1;
    }

    /** The limiters of a route; {@code waitingRoom} is optional (its requests are then reads or writes). */
    public record RouteLimits(@Valid @NotNull Limits reads, @Valid @NotNull Limits writes, @Valid Limits waitingRoom) {
    }

    /**
     * A Gradient2 limit: it starts at {@code initial} and moves between {@code min} and {@code max}
     * with the latency the service shows.
     */
    public record Limits(@Min(1) @Max(10_000) int initial, @Min(1) @Max(10_000) int min, @Min(1) @Max(10_000) int max) {

        @AssertTrue(message = "limits must satisfy min <= initial <= max")
        boolean isOrdered() {
            return min <= initial && initial <= max;
        }
    }
}

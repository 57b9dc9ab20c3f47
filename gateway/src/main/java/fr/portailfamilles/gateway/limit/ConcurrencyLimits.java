package fr.portailfamilles.gateway.limit;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limit.WindowedLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One Netflix Gradient2 limiter per route and per class of request (reads, writes, waiting room), with its
 * metrics: {@code gateway.concurrency.limit}, {@code gateway.concurrency.inflight} and
 * {@code gateway.concurrency.refused}, tagged {@code route} and {@code class}.
 */
@Component
public class ConcurrencyLimits {

    /**
     * Reads can be answered from anywhere and retried; writes change state; the waiting room's join
     * and polls are cheap, idempotent and pace the writes, so they must not wait behind them.
     */
    public enum RequestClass {
        READS, WRITES, WAITING_ROOM;

        static RequestClass of(HttpMethod method) {
            return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)
                    ? READS : WRITES;
        }

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Map<String, Map<RequestClass, Gate>> gates = new HashMap<>();

    public ConcurrencyLimits(ConcurrencyLimitProperties properties, MeterRegistry meters) {
        properties.routes().forEach((route, limits) -> {
            Map<RequestClass, Gate> ofRoute = new EnumMap<>(RequestClass.class);
            ofRoute.put(RequestClass.READS, gate(route, RequestClass.READS, limits.reads(), properties.maxWaiting(), meters));
            ofRoute.put(RequestClass.WRITES, gate(route, RequestClass.WRITES, limits.writes(), properties.maxWaiting(), meters));
            if (limits.waitingRoom() != null) {
                ofRoute.put(RequestClass.WAITING_ROOM,
                        gate(route, RequestClass.WAITING_ROOM, limits.waitingRoom(), properties.maxWaiting(), meters));
            }
            gates.put(route, ofRoute);
        });
    }

    /** Whether these limits cover the route. */
    public boolean limits(String route) {
        return gates.containsKey(route);
    }

    /**
     * The gate of this route for this request, if the route is limited: its waiting-room gate for a
     * waiting-room request when it has one, else its reads or writes gate by method.
     */
    public Optional<Gate> gate(String route, HttpMethod method, boolean waitingRoom) {
        Map<RequestClass, Gate> ofRoute = gates.get(route);
        if (ofRoute == null) {
            return Optional.empty();
        }
        Gate room = waitingRoom ? ofRoute.get(RequestClass.WAITING_ROOM) : null;
        return Optional.of(room != null ? room : ofRoute.get(RequestClass.of(method)));
    }

    private static Gate gate(String route, RequestClass requestClass, ConcurrencyLimitProperties.Limits limits,
            int maxWaiting, MeterRegistry meters) {
        // Gradient2 compares the latency of the last window with its long-term average: while the
        // service answers as fast as usual the limit grows, when requests start queuing it shrinks.
        // WindowedLimit feeds it one averaged sample per window rather than every call.
        SimpleLimiter<Void> limiter = SimpleLimiter.newBuilder()
                .named(route + "-" + requestClass.tag())
                .limit(WindowedLimit.newBuilder().build(Gradient2Limit.newBuilder()
                        .initialLimit(limits.initial())
                        .minLimit(limits.min())
                        .maxConcurrency(limits.max())
                        .build()))
                .build();
        String[] tags = {"route", route, "class", requestClass.tag()};
        Gauge.builder("gateway.concurrency.limit", limiter, SimpleLimiter::getLimit).tags(tags)
                .description("Requests this route may have in flight now (adaptive)").register(meters);
        Gauge.builder("gateway.concurrency.inflight", limiter, SimpleLimiter::getInflight).tags(tags)
                .description("Requests in flight through this route").register(meters);
        Counter refused = Counter.builder("gateway.concurrency.refused").tags(tags)
                .description("Requests refused with 429 because the route was at its limit").register(meters);
        Gate gate = new Gate(route, requestClass, limiter, refused, maxWaiting);
        Gauge.builder("gateway.concurrency.waiting", gate, Gate::waiting).tags(tags)
                .description("Requests waiting for a place (bounded by max-wait and max-waiting)").register(meters);
        return gate;
    }
}

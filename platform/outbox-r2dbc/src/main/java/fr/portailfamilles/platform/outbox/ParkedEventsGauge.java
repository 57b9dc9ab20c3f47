package fr.portailfamilles.platform.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * {@code portail_events_parked{topic}}: events of each topic waiting in this service's parking lot, read from
 * the database so every instance reports the same figure and a replay by any instance brings it down. Alert
 * on it above zero.
 */
public class ParkedEventsGauge extends BackgroundLoop {

    private final ParkedEvents parkedEvents;
    private final MeterRegistry meters;
    private final Duration refresh;
    private final Map<String, AtomicLong> perTopic = new ConcurrentHashMap<>();

    public ParkedEventsGauge(ParkedEvents parkedEvents, MeterRegistry meters, Duration refresh) {
        super("parked-events-gauge");
        this.parkedEvents = parkedEvents;
        this.meters = meters;
        this.refresh = refresh;
    }

    @Override
    protected Mono<Duration> pass() {
        return parkedEvents.countsByTopic().map(counts -> {
            // A topic seen once stays at 0 after its events were replayed, so the alert clears.
            perTopic.forEach((topic, value) -> value.set(counts.getOrDefault(topic, 0L)));
            counts.forEach((topic, count) -> gauge(topic).set(count));
            return refresh;
        });
    }

    @Override
    protected Duration pauseAfterError() {
        return refresh;
    }

    private AtomicLong gauge(String topic) {
        return perTopic.computeIfAbsent(topic, name -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("portail.events.parked", value, AtomicLong::get)
                    .description("Events parked by this service's consumers and not replayed yet")
                    .tag("topic", name)
                    .register(meters);
            return value;
        });
    }
}

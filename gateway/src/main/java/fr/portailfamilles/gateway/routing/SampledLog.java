package fr.portailfamilles.gateway.routing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * At most one WARN line per key and interval, saying how many events it stands for: under a rush
 * the gateway refuses thousands of calls a second, and one line each cost a full core.
 */
public final class SampledLog {

    /** What the line says, given how many events it covers and the first event's detail. */
    @FunctionalInterface
    public interface Line {
        void write(Logger log, long count, String detail);
    }

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public SampledLog(Logger log, Duration interval) {
        this(log, interval, System::nanoTime);
    }

    SampledLog(Logger log, Duration interval, LongSupplier nanoClock) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * Counts one event under {@code key}; writes a line when the key's interval has passed since
     * its last line (the first event of a key is written at once).
     */
    public void record(String key, String detail, Line line) {
        Window window = windows.computeIfAbsent(key, unused -> new Window(nanoClock.getAsLong() - intervalNanos));
        window.count.incrementAndGet();
        long now = nanoClock.getAsLong();
        long last = window.lastLine.get();
        if (now - last >= intervalNanos && window.lastLine.compareAndSet(last, now)) {
            line.write(log, window.count.getAndSet(0), detail);
        }
    }

    private static final class Window {
        final AtomicLong count = new AtomicLong();
        final AtomicLong lastLine;

        Window(long start) {
            lastLine = new AtomicLong(start);
        }
    }
}

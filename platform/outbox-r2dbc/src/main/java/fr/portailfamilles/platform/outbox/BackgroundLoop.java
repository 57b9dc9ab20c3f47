package fr.portailfamilles.platform.outbox;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A pass repeated for the life of the application on its own thread (the outbox relay, the mail sender):
 * each pass says how long to pause before the next. {@code repeat()} resubscribes in a loop, so the chain
 * does not grow with uptime as a recursive pass-then-next chain would; a failed pass is logged and the
 * loop goes on after {@link #pauseAfterError()}.
 */
public abstract class BackgroundLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);

    /** Daemon: the loop must never keep a JVM alive after its context closed. */
    private final Scheduler scheduler;
    private final String name;
    private volatile Disposable loop;

    protected BackgroundLoop(String name) {
        this.name = name;
        this.scheduler = Schedulers.newSingle(name, true);
    }

    /** One pass; emits the pause before the next one. */
    protected abstract Mono<Duration> pass();

    protected abstract Duration pauseAfterError();

    @Override
    public void start() {
        loop = Mono.defer(this::pass)
                .onErrorResume(error -> {
                    log.warn("{} pass failed: {}", name, error.toString());
                    return Mono.fromSupplier(this::pauseAfterError);
                })
                .flatMap(pause -> Mono.delay(pause, scheduler))
                .then()
                .repeat()
                .subscribeOn(scheduler)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        loop = null;
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    /** Stop before the connection pool and the Kafka producer close. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }
}

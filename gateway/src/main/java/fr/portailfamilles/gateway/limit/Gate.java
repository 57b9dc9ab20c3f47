package fr.portailfamilles.gateway.limit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;

import fr.portailfamilles.gateway.limit.ConcurrencyLimits.RequestClass;
import io.micrometer.core.instrument.Counter;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

/**
 * A route's limiter for one class of request, with an optional short, bounded waiting line: a
 * request that finds no free place may wait up to {@code maxWait} for the next one released,
 * woken by that release rather than by polling.
 */
public final class Gate {

    private final String route;
    private final RequestClass requestClass;
    private final SimpleLimiter<Void> limiter;
    private final Counter refused;
    private final int maxWaiting;
    private final ConcurrentLinkedDeque<Waiter> waiters = new ConcurrentLinkedDeque<>();
    private final AtomicInteger waiting = new AtomicInteger();

    Gate(String route, RequestClass requestClass, SimpleLimiter<Void> limiter, Counter refused, int maxWaiting) {
        this.route = route;
        this.requestClass = requestClass;
        this.limiter = limiter;
        this.refused = refused;
        this.maxWaiting = maxWaiting;
    }

    public String route() {
        return route;
    }

    public RequestClass requestClass() {
        return requestClass;
    }

    public int limit() {
        return limiter.getLimit();
    }

    int waiting() {
        return waiting.get();
    }

    void countRefusal() {
        refused.increment();
    }

    /** A place at once, or within {@code maxWait} if the waiting line has room, or none (empty). */
    public Mono<Limiter.Listener> acquire(Duration maxWait) {
        Optional<Limiter.Listener> now = tryAcquire();
        if (now.isPresent()) {
            return Mono.just(now.get());
        }
        if (maxWait.isZero() || waiting.incrementAndGet() > maxWaiting) {
            if (!maxWait.isZero()) {
                waiting.decrementAndGet();
            }
            return Mono.empty();
        }
        return Mono.<Limiter.Listener>create(sink -> {
            Waiter waiter = new Waiter(sink);
            // Whoever sets done first decides: a place from wakeNext, or empty at the deadline.
            Disposable deadline = Schedulers.parallel().schedule(() -> {
                if (waiter.done.compareAndSet(false, true)) {
                    waiters.remove(waiter);
                    sink.success();
                }
            }, maxWait.toNanos(), TimeUnit.NANOSECONDS);
            sink.onCancel(() -> {
                if (waiter.done.compareAndSet(false, true)) {
                    waiters.remove(waiter);
                }
            });
            sink.onDispose(deadline);
            waiters.addLast(waiter);
            // A place released between the failed attempt and joining the line would wake no one.
            wakeNext();
        })
                // A place given just as the client went away comes back here: release it.
                .doOnDiscard(Limiter.Listener.class, Limiter.Listener::onIgnore)
                .doFinally(signal -> waiting.decrementAndGet());
    }

    private Optional<Limiter.Listener> tryAcquire() {
        return limiter.acquire(null).map(ReleasingListener::new);
    }

    /** Gives the first waiter still waiting the place just released, if it is still free. */
    private void wakeNext() {
        Waiter waiter;
        while ((waiter = waiters.pollFirst()) != null) {
            if (waiter.done.get()) {
                continue;
            }
            Optional<Limiter.Listener> place = tryAcquire();
            if (place.isEmpty()) {
                waiters.addFirst(waiter);
                return;
            }
            if (waiter.done.compareAndSet(false, true)) {
                waiter.sink.success(place.get());
                return;
            }
            place.get().onIgnore();
        }
    }

    private record Waiter(MonoSink<Limiter.Listener> sink, AtomicBoolean done) {
        Waiter(MonoSink<Limiter.Listener> sink) {
            this(sink, new AtomicBoolean());
        }
    }

    /** Releases the place, then wakes a waiter. */
    private final class ReleasingListener implements Limiter.Listener {

        private final Limiter.Listener delegate;

        ReleasingListener(Limiter.Listener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onSuccess() {
            delegate.onSuccess();
            wakeNext();
        }

        @Override
        public void onIgnore() {
            delegate.onIgnore();
            wakeNext();
        }

        @Override
        public void onDropped() {
            delegate.onDropped();
            wakeNext();
        }
    }
}

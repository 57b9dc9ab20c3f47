package fr.portailfamilles.account.auth.application;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import fr.portailfamilles.platform.web.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Password hashing, off the event loop, on as many threads as there are cores (it is pure CPU: more
 * threads would only share the same cores) and behind a bounded queue. When the queue is full the
 * caller is told at once to come back ({@code 429} + {@code Retry-After}) instead of waiting seconds.
 */
@Component
public class PasswordHashing implements DisposableBean {

    private final PasswordEncoder encoder;
    private final ThreadPoolExecutor executor;
    private final Duration retryAfter;
    private final Counter refused;

    public PasswordHashing(PasswordEncoder encoder, MeterRegistry meters,
            @Value("${portail.password-hashing.threads}") int threads,
            @Value("${portail.password-hashing.queue}") int queue,
            @Value("${portail.password-hashing.retry-after}") Duration retryAfter) {
        this.encoder = encoder;
        this.retryAfter = retryAfter;
        int size = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue),
                task -> {
                    Thread thread = new Thread(task, "password-hashing-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        Gauge.builder("portail.password.hashing.queued", executor, e -> e.getQueue().size())
                .description("Password hashes waiting for a hashing thread").register(meters);
        Gauge.builder("portail.password.hashing.active", executor, ThreadPoolExecutor::getActiveCount)
                .description("Password hashes being computed").register(meters);
        this.refused = Counter.builder("portail.password.hashing.refused")
                .description("Logins and password changes refused with 429 because the hashing queue was full").register(meters);
    }

    public Mono<Boolean> matches(String rawPassword, String hash) {
        return submit(() -> encoder.matches(rawPassword, hash));
    }

    public Mono<String> encode(String rawPassword) {
        return submit(() -> encoder.encode(rawPassword));
    }

    /** Whether a hash that just matched was made with other settings than today's (cheap: no hashing). */
    public boolean needsRehash(String hash) {
        return encoder.upgradeEncoding(hash);
    }

    /** Runs one CPU-bound job on the bounded pool; a full queue refuses it at once (429). */
    public <T> Mono<T> submit(Callable<T> job) {
        return Mono.create(sink -> {
            try {
                Future<?> running = executor.submit(() -> {
                    try {
                        sink.success(job.call());
                    }
                    catch (Throwable ex) {
                        sink.error(ex);
                    }
                });
                sink.onCancel(() -> running.cancel(false));
            }
            catch (RejectedExecutionException ex) {
                refused.increment();
                sink.error(busy());
            }
        });
    }

    private ProblemException busy() {
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "login-busy", "Connexions très nombreuses",
                "Beaucoup de familles se connectent en ce moment. Réessayez dans quelques secondes.")
                .with("retryAfterSeconds", retryAfter.toSeconds())
                .retryAfter(retryAfter);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}

package fr.portailfamilles.platform.outbox;

import java.time.Duration;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;

/**
 * What a consumer does when handling an event fails. Retries leave the binding for the listener container's
 * {@link DefaultErrorHandler}: a failing record pauses its own partition for the back-off (the others keep
 * flowing) and is tried again, for as long as the failure lasts (a database restart, an exhausted pool, a
 * timeout). An event that can never succeed ({@link NonRetryableEventException}, an undecodable payload) is
 * parked at once in {@link ParkedEvents} and its partition moves on.
 */
public class EventDeliveryErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventDeliveryErrorHandling.class);
    /** Parking writes to the database: if that fails too, wait before the record comes round again. */
    private static final Duration PARKING_FAILED_PAUSE = Duration.ofSeconds(5);
    private static final Duration PARKING_TIMEOUT = Duration.ofSeconds(30);

    private final ParkedEvents parkedEvents;
    private final MeterRegistry meters;
    private final ThreadPoolTaskScheduler resumer = new ThreadPoolTaskScheduler();
    private final ListenerContainerPauseService pauses;

    public EventDeliveryErrorHandling(ParkedEvents parkedEvents, MeterRegistry meters) {
        this.parkedEvents = parkedEvents;
        this.meters = meters;
        resumer.setThreadNamePrefix("event-retry-resume-");
        resumer.setDaemon(true);
        resumer.initialize();
        this.pauses = new ListenerContainerPauseService(null, resumer);
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
            ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        container.setCommonErrorHandler(errorHandler(destinationName, backOff(properties)));
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        throw new IllegalStateException("The binder calls the overload with the consumer properties");
    }

    DefaultErrorHandler errorHandler(String topic, BackOff backOff) {
        Counter retries = meters.counter("portail.events.retries", "topic", topic);
        Counter parked = meters.counter("portail.events.parkings", "topic", topic);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, cause) -> park(record, cause, parked), backOff,
                new ContainerPausingBackOffHandler(pauses));
        handler.addNotRetryableExceptions(NonRetryableEventException.class, JacksonException.class);
        handler.setCommitRecovered(true);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception cause, int deliveryAttempt) {
                retries.increment();
                log.warn("{}-{}@{} failed (attempt {}), retried after a pause: {}", record.topic(), record.partition(),
                        record.offset(), deliveryAttempt, ParkedEvents.describe(cause));
            }
        });
        return handler;
    }

    /** Unlimited attempts, exponential from the binding's initial interval up to its cap. */
    static BackOff backOff(ExtendedConsumerProperties<?> properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.getBackOffInitialInterval(),
                properties.getBackOffMultiplier());
        backOff.setMaxInterval(properties.getBackOffMaxInterval());
        backOff.setMaxAttempts(Long.MAX_VALUE);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }

    private void park(ConsumerRecord<?, ?> record, Exception cause, Counter parked) {
        try {
            parkedEvents.park(record, cause).block(PARKING_TIMEOUT);
        }
        catch (RuntimeException ex) {
            log.warn("Could not park {}-{}@{}, it comes round again: {}", record.topic(), record.partition(), record.offset(),
                    ex.toString());
            sleep(PARKING_FAILED_PAUSE);
            throw ex;
        }
        parked.increment();
        log.error("Parked {}-{}@{} (ce_id {}): {}", record.topic(), record.partition(), record.offset(),
                header(record, CloudEventHeaders.ID), ParkedEvents.describe(cause));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        resumer.shutdown();
    }
}

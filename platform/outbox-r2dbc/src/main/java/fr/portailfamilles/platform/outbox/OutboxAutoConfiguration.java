package fr.portailfamilles.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.platform.web.ProblemDetailsAdvice;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** Outbox writer, relay and inbox for any service with an R2DBC database and a Kafka broker. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration" })
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    OutboxSchema outboxSchema(@Value("${spring.flyway.url}") String url, @Value("${spring.flyway.user}") String user,
            @Value("${spring.flyway.password}") String password) {
        return new OutboxSchema(url, user, password);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    @ConditionalOnMissingBean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }

    @Bean
    Outbox outbox(DatabaseClient database, JsonMapper jsonMapper, Clock clock,
            @Value("${spring.application.name}") String application) {
        return new Outbox(database, jsonMapper, "/portail-familles/" + application, clock);
    }

    @Bean
    Inbox inbox(DatabaseClient database, TransactionalOperator transactionalOperator) {
        return new Inbox(database, transactionalOperator);
    }

    @Bean
    InboundEvents inboundEvents(Inbox inbox, JsonMapper jsonMapper, @Value("${spring.application.name}") String application) {
        return new InboundEvents(inbox, jsonMapper, application);
    }

    @Bean
    ParkedEvents parkedEvents(DatabaseClient database, JsonMapper jsonMapper, @Value("${spring.application.name}") String application) {
        return new ParkedEvents(database, jsonMapper, application);
    }

    /** Consumers retry transient failures without end and park only what can never succeed (data.properties). */
    @Bean
    EventDeliveryErrorHandling eventDeliveryErrorHandling(ParkedEvents parkedEvents, MeterRegistry meters) {
        return new EventDeliveryErrorHandling(parkedEvents, meters);
    }

    @Bean
    ParkedEventsGauge parkedEventsGauge(ParkedEvents parkedEvents, MeterRegistry meters,
            @Value("${portail.events.parked-gauge-refresh}") Duration refresh) {
        return new ParkedEventsGauge(parkedEvents, meters, refresh);
    }

    @Bean
    ParkedEventReplay parkedEventReplay(ParkedEvents parkedEvents, BindingServiceProperties bindings, BeanFactory beans) {
        return new ParkedEventReplay(parkedEvents, bindings, beans);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    ParkedEventsController parkedEventsController(ParkedEvents parkedEvents, ParkedEventReplay replay) {
        return new ParkedEventsController(parkedEvents, replay);
    }

    /** Its own producer: idempotent, acks from all replicas, bounded waits so an outage fails fast. */
    @Bean
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${spring.application.name}") String application) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 9_000);
        // The relay waits for each acknowledgement in turn (per-aggregate order), so batching only adds delay.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        var factory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        return new KafkaTemplate<>(factory);
    }

    /** The instance name in {@code messaging.job_run}: the host name (the pod's, the container's) and the process id. */
    @Bean
    ClusterJobs clusterJobs(DatabaseClient database, @Value("${spring.application.name}") String application) {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return new ClusterJobs(database, application + "@" + host + "/" + ProcessHandle.current().pid());
    }

    @Bean
    IdempotencyKeys idempotencyKeys(DatabaseClient database, Clock clock) {
        return new IdempotencyKeys(database, clock);
    }

    @Bean
    DatabaseBusyAdvice databaseBusyAdvice(ProblemDetailsAdvice problems,
            @Value("${portail.database.busy-retry-after}") Duration retryAfter) {
        return new DatabaseBusyAdvice(problems, retryAfter);
    }

    @Bean
    @ConditionalOnProperty(name = "portail.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(DatabaseClient database, TransactionalOperator transactionalOperator,
            KafkaTemplate<String, byte[]> outboxKafkaTemplate, JsonMapper jsonMapper, OutboxProperties properties,
            MeterRegistry meters, ClusterJobs clusterJobs) {
        return new OutboxRelay(database, transactionalOperator, outboxKafkaTemplate, jsonMapper, properties, meters,
                clusterJobs);
    }
}

package fr.portailfamilles.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** A limit set by mistake stops the gateway at start-up, with the setting named, rather than at the rush. */
class ConcurrencyLimitPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ConcurrencyLimitProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues(
                    "portail.gateway.concurrency-limits.retry-after=2s",
                    "portail.gateway.concurrency-limits.max-wait=0ms",
                    "portail.gateway.concurrency-limits.max-waiting=10",
                    "portail.gateway.concurrency-limits.log-interval=10s",
                    "portail.gateway.concurrency-limits.routes.reservation-service.reads.initial=40",
                    "portail.gateway.concurrency-limits.routes.reservation-service.reads.min=10",
                    "portail.gateway.concurrency-limits.routes.reservation-service.reads.max=200",
                    "portail.gateway.concurrency-limits.routes.reservation-service.writes.initial=20",
                    "portail.gateway.concurrency-limits.routes.reservation-service.writes.min=4",
                    "portail.gateway.concurrency-limits.routes.reservation-service.writes.max=80");

    @Test
    void whenTheLimitsAreSensibleThenTheyAreBound() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            ConcurrencyLimitProperties properties = started.getBean(ConcurrencyLimitProperties.class);
            assertThat(properties.routes().get("reservation-service").writes())
                    .isEqualTo(new ConcurrencyLimitProperties.Limits(20, 4, 80));
            assertThat(properties.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        });
    }

    @Test
    void whenTheInitialLimitIsAboveTheMaximumThenTheGatewayDoesNotStart() {
        context.withPropertyValues("portail.gateway.concurrency-limits.routes.reservation-service.writes.initial=100")
                .run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("min <= initial <= max"));
    }

    @Test
    void whenTheWaitIsNotShortThenTheGatewayDoesNotStart() {
        context.withPropertyValues("portail.gateway.concurrency-limits.max-wait=2s")
                .run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("max-wait"));
    }

    @Test
    void whenALimitIsZeroThenTheGatewayDoesNotStart() {
        context.withPropertyValues("portail.gateway.concurrency-limits.routes.reservation-service.reads.min=0")
                .run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("reads.min"));
    }
}

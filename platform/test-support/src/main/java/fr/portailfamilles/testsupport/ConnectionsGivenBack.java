package fr.portailfamilles.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;

/**
 * After each test, every R2DBC connection is back in the pool (background loops take one only for a
 * moment): a leaked or half-read connection shows in the test that caused it, not as a timeout later.
 */
public class ConnectionsGivenBack implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        if (application.getBeanProvider(ConnectionFactory.class).getIfAvailable() instanceof ConnectionPool pool) {
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(pool.getMetrics().orElseThrow().acquiredSize())
                    .as("R2DBC connections still held after the test").isZero());
        }
    }
}

package fr.portailfamilles.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import fr.portailfamilles.testsupport.IntegrationTest;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;

/** One application context for every integration test of the module (demo data on, clock fixed, offer expiry loop fast). */
@IntegrationTest
// Expired waiting-list offers are released by the background loop within a second of the clock passing them.
@TestPropertySource(properties = { "portail.demo.enabled=true", "portail.reservation.offer-expiry.interval=500ms" })
@Import(MutableClock.Config.class)
public abstract class ReservationIntegrationTest {

    @Autowired
    protected MutableClock clock;

    @Autowired
    ConnectionFactory connections;

    @BeforeEach
    void resetClock() {
        clock.reset();
    }

    /** Every request gives its connection back: a leak shows here, not as a timeout three tests later. */
    @AfterEach
    void noConnectionHeld() {
        ConnectionPool pool = (ConnectionPool) connections;
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(pool.getMetrics().orElseThrow().acquiredSize()).as("connections still acquired").isZero());
    }
}

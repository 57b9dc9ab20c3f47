package fr.portailfamilles.reservation;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import fr.portailfamilles.testsupport.IntegrationTest;

/** One application context for every integration test of the module (demo data on, clock fixed). */
@IntegrationTest
@TestPropertySource(properties = "portail.demo.enabled=true")
@Import(MutableClock.Config.class)
public abstract class ReservationIntegrationTest {

    @Autowired
    protected MutableClock clock;

    @BeforeEach
    void resetClock() {
        clock.reset();
    }
}

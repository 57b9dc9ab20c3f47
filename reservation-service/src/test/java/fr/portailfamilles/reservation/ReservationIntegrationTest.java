package fr.portailfamilles.reservation;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import fr.portailfamilles.testsupport.IntegrationTest;

/** One application context for every integration test of the module (demo data on, clock fixed, offer expiry loop fast). */
@IntegrationTest
// Expired waiting-list offers are released by the background loop within a second of the clock passing them.
// Waiting-room tests run the admission pass themselves, at the instants they choose: no background loop racing them.
// A key of its own, not the demo one: ConcurrencyIT's second instance runs without demo data and must share it.
@TestPropertySource(properties = { "portail.demo.enabled=true", "portail.reservation.offer-expiry.interval=500ms",
        "portail.waiting-room.loop-enabled=false",
        "portail.admission-pass.secret=reservation-tests-admission-pass-secret-0123456789" })
@Import(MutableClock.Config.class)
public abstract class ReservationIntegrationTest {

    @Autowired
    protected MutableClock clock;

    @BeforeEach
    void resetClock() {
        clock.reset();
    }
}

package fr.portailfamilles.reservation.config;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import fr.portailfamilles.reservation.booking.application.BookingRequest;
import fr.portailfamilles.reservation.booking.application.Bookings;
import fr.portailfamilles.reservation.offer.domain.Unit;
import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Local run (DEMO_DATA=true): a day to point in « Présences »: Lina Bernard booked for Monday 26 July 2027 by
 * the service, through the same booking code as a real one (capacity, events to billing and notification).
 * Lina becomes bookable once her family and dossier have arrived as events, so it is retried in the
 * background; its fixed Idempotency-Key makes a restart answer the same booking instead of a second one.
 */
@Component
@ConditionalOnBooleanProperty("portail.demo.enabled")
public class DemoAttendanceDay implements ApplicationRunner {

    public static final LocalDate DAY = LocalDate.of(2027, 7, 26);
    /** account-service's demo family Bernard and its child Lina: keep them in step. */
    static final UUID BERNARD_FAMILY = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000002");
    static final UUID LINA_BERNARD = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000021");

    private static final Logger log = LoggerFactory.getLogger(DemoAttendanceDay.class);

    private final Bookings bookings;
    private Disposable booking;

    public DemoAttendanceDay(Bookings bookings) {
        this.bookings = bookings;
    }

    @Override
    public void run(ApplicationArguments args) {
        BookingRequest request = new BookingRequest(DemoData.ETE_2027,
                List.of(new BookingRequest.Line(LINA_BERNARD, DAY, Unit.JOURNEE_REPAS)), null, null);
        // Every 5 s for 10 min: the dossier's events take seconds, a cold start of the whole stack a few minutes.
        booking = Mono.defer(() -> bookings.book(BERNARD_FAMILY, "staff:demo", "demo-attendance-" + DAY, request, true,
                        "Démonstration : une journée à pointer"))
                .retryWhen(Retry.fixedDelay(120, Duration.ofSeconds(5)))
                .subscribe(answer -> log.info("Demo day to point in « Présences »: Lina Bernard on {} ({})", DAY,
                                answer.replayed() ? "already booked" : "booked"),
                        error -> log.warn("Demo day to point not booked: {}", error.toString()));
    }

    @PreDestroy
    void stop() {
        if (booking != null) {
            booking.dispose();
        }
    }
}

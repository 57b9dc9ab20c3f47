package fr.portailfamilles.reservation.offer.application;

import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

import fr.portailfamilles.platform.web.ProblemException;
import fr.portailfamilles.reservation.offer.domain.BookingWindow;
import fr.portailfamilles.reservation.offer.domain.OfferRepository;
import fr.portailfamilles.reservation.offer.domain.Period;
import reactor.core.publisher.Mono;

/**
 * Staff move a period's booking window (open earlier, close later, residents first or not). Bookings
 * already made stay: the window only decides who may book from now on, which the booking rules read
 * from the period each time.
 */
@Service
public class BookingWindows {

    private final DatabaseClient database;
    private final OfferRepository offer;

    public BookingWindows(DatabaseClient database, OfferRepository offer) {
        this.database = database;
        this.offer = offer;
    }

    public Mono<Period> change(UUID periodId, BookingWindow window) {
        var refusal = window.refusal();
        if (refusal.isPresent()) {
            return Mono.error(ProblemException.invalid("booking-window-invalid", refusal.get()));
        }
        var update = database.sql("""
                        UPDATE period SET booking_opens_at = :opensAt, everyone_opens_at = :everyoneAt, booking_closes_at = :closesAt
                        WHERE id = :id""")
                .bind("id", periodId).bind("opensAt", window.opensAt()).bind("closesAt", window.closesAt());
        update = window.everyoneOpensAt() == null ? update.bindNull("everyoneAt", java.time.Instant.class)
                : update.bind("everyoneAt", window.everyoneOpensAt());
        return update.fetch().rowsUpdated()
                .flatMap(rows -> rows == 0 ? Mono.error(ProblemException.notFound("Période")) : offer.period(periodId));
    }
}

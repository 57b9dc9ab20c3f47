package fr.portailfamilles.reservation.booking.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.events.IntegrationEvent;
import fr.portailfamilles.platform.outbox.Outbox;
import fr.portailfamilles.platform.web.ProblemException;
import fr.portailfamilles.reservation.booking.domain.Reservation;
import fr.portailfamilles.reservation.offer.application.Offers;
import fr.portailfamilles.reservation.offer.domain.OfferRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Staff change the places of a day and age group; places added go at once, in the same transaction, to the
 * children waiting there (booked or offered, as the activity says), exactly as a cancellation's freed place.
 */
@Service
public class DayCapacities {

    private final Offers offers;
    private final OfferRepository offer;
    private final WaitingList waitingList;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final Clock clock;

    public DayCapacities(Offers offers, OfferRepository offer, WaitingList waitingList, Outbox outbox, TransactionalOperator transactions,
            Clock clock) {
        this.offers = offers;
        this.offer = offer;
        this.waitingList = waitingList;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Emits the waiting children who got a place. */
    public Mono<List<Reservation>> set(UUID periodId, LocalDate date, UUID ageGroupId, int capacity) {
        Instant now = clock.instant();
        List<IntegrationEvent> events = new ArrayList<>();
        List<Reservation> promoted = new ArrayList<>();
        Mono<List<Reservation>> work = offers.setDayCapacity(periodId, date, ageGroupId, capacity)
                .then(offer.period(periodId))
                .flatMap(period -> offer.activity(period.activityId()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Période")))
                .flatMap(activity -> waitingList.fill(periodId, date, ageGroupId, activity, now, events, promoted))
                .then(Mono.defer(() -> Flux.fromIterable(events).concatMap(outbox::append).then()))
                .then(Mono.fromSupplier(() -> promoted));
        return transactions.transactional(work);
    }
}

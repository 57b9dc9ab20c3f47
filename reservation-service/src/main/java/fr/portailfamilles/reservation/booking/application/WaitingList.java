package fr.portailfamilles.reservation.booking.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fr.portailfamilles.events.IntegrationEvent;
import fr.portailfamilles.events.reservation.WaitlistOfferMade;
import fr.portailfamilles.events.reservation.WaitlistPromoted;
import fr.portailfamilles.reservation.booking.domain.CapacityLedger;
import fr.portailfamilles.reservation.booking.domain.Reservation;
import fr.portailfamilles.reservation.booking.domain.ReservationStatus;
import fr.portailfamilles.reservation.booking.domain.ReservationStore;
import fr.portailfamilles.reservation.offer.domain.Activity;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gives the free places of a day and age group to the children waiting there, at once and inside the caller's
 * transaction: in rank order, each child gets a place if its unit fits (a whole day needs both halves), taken by
 * the same conditional update as a booking. As the activity says, the child is booked ({@code AUTO_BOOK},
 * {@link WaitlistPromoted}) or the place is held for it until the offer expires ({@code OFFER},
 * {@link WaitlistOfferMade}); a held place counts as booked, so nobody else can take it meanwhile.
 */
@Component
public class WaitingList {

    private final ReservationStore reservations;
    private final CapacityLedger capacity;

    public WaitingList(ReservationStore reservations, CapacityLedger capacity) {
        this.reservations = reservations;
        this.capacity = capacity;
    }

    /** Emits nothing; the children who got a place are added to {@code promoted}, their events to {@code events}. */
    public Mono<Void> fill(UUID periodId, LocalDate date, UUID ageGroupId, Activity activity, Instant now, List<IntegrationEvent> events,
            List<Reservation> promoted) {
        boolean offers = activity.waitlistPolicy() == Activity.WaitlistPolicy.OFFER;
        Optional<Instant> expiresAt = offers ? activity.offerExpiry(date, now) : Optional.empty();
        if (offers && expiresAt.isEmpty()) {
            // The day has begun: too late to ask a parent; the place stays free for staff to give.
            return Mono.empty();
        }
        // Read the queue fully before updating: one connection per transaction, one command at a time.
        return reservations.waiting(periodId, date, ageGroupId).collectList().flatMapMany(Flux::fromIterable)
                .concatMap(waiting -> capacity.take(waiting.periodId(), waiting.date(), waiting.ageGroupId(), waiting.unit())
                        .filter(Boolean::booleanValue)
                        .flatMap(taken -> offers ? reservations.offer(waiting.id(), expiresAt.get(), now)
                                : reservations.transition(waiting.id(), ReservationStatus.WAITLISTED, ReservationStatus.CONFIRMED, false, true,
                                        null, now))
                        // Cancelled by its family meanwhile: give the place back and offer it to the next child.
                        .flatMap(changed -> changed ? reservations.find(waiting.id())
                                : capacity.release(waiting.periodId(), waiting.date(), waiting.ageGroupId(), waiting.unit()).then(Mono.empty()))
                        .doOnNext(done -> {
                            promoted.add(done);
                            events.add(offers ? offerMade(done, activity, now) : promotedEvent(done, activity, now));
                        }))
                .then();
    }

    private static WaitlistPromoted promotedEvent(Reservation done, Activity activity, Instant now) {
        return new WaitlistPromoted(done.id(), done.familyId(), done.childId(), done.childFirstName(), activity.structureId(),
                activity.structureName(), activity.kind().name(), done.periodId(), done.date(), done.unit().name(), done.unit().meal(), now);
    }

    private static WaitlistOfferMade offerMade(Reservation done, Activity activity, Instant now) {
        return new WaitlistOfferMade(done.id(), done.familyId(), done.childId(), done.childFirstName(), activity.structureId(),
                activity.structureName(), activity.kind().name(), done.periodId(), done.date(), done.unit().name(), done.unit().meal(),
                done.offerExpiresAt(), now);
    }
}

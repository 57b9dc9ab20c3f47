package fr.portailfamilles.reservation.booking.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.events.IntegrationEvent;
import fr.portailfamilles.events.reservation.ReservationConfirmed;
import fr.portailfamilles.events.reservation.WaitlistOfferExpired;
import fr.portailfamilles.platform.outbox.Outbox;
import fr.portailfamilles.platform.web.ProblemException;
import fr.portailfamilles.reservation.booking.domain.CapacityLedger;
import fr.portailfamilles.reservation.booking.domain.Reservation;
import fr.portailfamilles.reservation.booking.domain.ReservationStatus;
import fr.portailfamilles.reservation.booking.domain.ReservationStore;
import fr.portailfamilles.reservation.offer.domain.Activity;
import fr.portailfamilles.reservation.offer.domain.OfferRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Places offered from the waiting list ({@code OFFER} activities): the parent accepts (the held place becomes a
 * confirmed reservation) before the offer expires; expired offers are released to the next child waiting, or
 * back to the free places, by {@link #expireDue(int)} (run by {@code OfferExpiryLoop} on every instance).
 * Declining is a cancellation ({@link Cancellations#declineOffer}).
 */
@Service
public class WaitlistOffers {

    static final String EXPIRED_REASON = "Proposition de place expirée sans réponse";

    private final ReservationStore reservations;
    private final CapacityLedger capacity;
    private final WaitingList waitingList;
    private final OfferRepository offer;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final Clock clock;

    public WaitlistOffers(ReservationStore reservations, CapacityLedger capacity, WaitingList waitingList, OfferRepository offer,
            Outbox outbox, TransactionalOperator transactions, Clock clock) {
        this.reservations = reservations;
        this.capacity = capacity;
        this.waitingList = waitingList;
        this.offer = offer;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Refuses anything but an offer still open at {@code now}, saying why in words a parent understands. */
    static Mono<Void> requireOpenOffer(Reservation reservation, Instant now) {
        // Expired, whether or not the expiry loop has released it yet (released: cancelled at or after its expiry).
        boolean expired = reservation.offerExpiresAt() != null && (reservation.status() == ReservationStatus.OFFERED
                ? !now.isBefore(reservation.offerExpiresAt())
                : reservation.status() == ReservationStatus.CANCELLED && !reservation.updatedAt().isBefore(reservation.offerExpiresAt()));
        if (!expired && reservation.status() != ReservationStatus.OFFERED) {
            return Mono.error(ProblemException.conflict("offer-not-pending",
                    "Aucune place ne vous est proposée pour cette réservation (elle est "
                            + describe(reservation.status()) + ") : il n'y a rien à accepter ni à refuser.")
                    .with("reservationId", reservation.id()).with("status", reservation.status().name()));
        }
        if (expired) {
            return Mono.error(ProblemException.conflict("offer-expired",
                    "La place proposée pour le " + Eligibility.DAY.format(reservation.date()) + " était à accepter avant le "
                            + Eligibility.WHEN.format(reservation.offerExpiresAt())
                            + " : le délai est dépassé et la place est revenue à la liste d'attente. Vous pouvez réserver ce jour à nouveau"
                            + " (sur liste d'attente s'il est complet).")
                    .with("reservationId", reservation.id()).with("expiresAt", reservation.offerExpiresAt()));
        }
        return Mono.empty();
    }

    /** The parent takes the held place: the reservation becomes CONFIRMED (and billable as any booking). */
    public Mono<Reservation> accept(UUID familyId, UUID id) {
        Instant now = clock.instant();
        Mono<Reservation> work = reservations.findOfFamily(id, familyId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Réservation")))
                .flatMap(found -> requireOpenOffer(found, now)
                        .then(reservations.acceptOffer(found.id(), now))
                        // Expired or answered between the read and the update (the expiry loop held the row meanwhile): say which.
                        .flatMap(accepted -> accepted ? reservations.find(found.id()) : reservations.find(found.id())
                                .flatMap(changed -> requireOpenOffer(changed, now))
                                .then(Mono.error(() -> ProblemException.conflict("reservation-changed",
                                        "Cette réservation vient d'être modifiée : rechargez la page.")))))
                .flatMap(confirmed -> activityOf(confirmed)
                        .flatMap(activity -> outbox.append(new ReservationConfirmed(confirmed.id(), confirmed.bookingId(), confirmed.familyId(),
                                confirmed.childId(), confirmed.childFirstName(), activity.structureId(), activity.structureName(),
                                activity.kind().name(), confirmed.periodId(), confirmed.date(), confirmed.unit().name(), confirmed.unit().meal(),
                                now)))
                        .thenReturn(confirmed));
        return transactions.transactional(work);
    }

    /**
     * Releases up to {@code limit} offers due now, each in its own short transaction: claimed with
     * {@code FOR UPDATE SKIP LOCKED} (two instances never expire one offer twice), cancelled, its place freed and
     * given at once to the next child waiting under the usual rule. Emits how many offers expired.
     */
    public Mono<Integer> expireDue(int limit) {
        return expireDue(limit, 0);
    }

    private Mono<Integer> expireDue(int limit, int done) {
        // One after the other, and never a cancelled stream: each pass ends on its own (nothing claimed, or the limit).
        return done >= limit ? Mono.just(done) : expireOne().flatMap(expired -> expired ? expireDue(limit, done + 1) : Mono.just(done));
    }

    private Mono<Boolean> expireOne() {
        Instant now = clock.instant();
        List<IntegrationEvent> events = new ArrayList<>();
        List<Reservation> promoted = new ArrayList<>();
        Mono<Boolean> work = reservations.claimDueOffers(now, 1)
                .flatMap(claimed -> claimed.isEmpty() ? Mono.just(false) : reservations.find(claimed.get(0))
                        .flatMap(due -> activityOf(due).flatMap(activity -> reservations
                                .transition(due.id(), ReservationStatus.OFFERED, ReservationStatus.CANCELLED, false, false, EXPIRED_REASON, now)
                                .filter(Boolean::booleanValue)
                                .flatMap(changed -> {
                                    events.add(new WaitlistOfferExpired(due.id(), due.familyId(), due.childId(), due.childFirstName(),
                                            activity.structureId(), activity.structureName(), activity.kind().name(), due.periodId(), due.date(),
                                            due.unit().name(), due.unit().meal(), due.offerExpiresAt(), now));
                                    return capacity.release(due.periodId(), due.date(), due.ageGroupId(), due.unit())
                                            .then(waitingList.fill(due.periodId(), due.date(), due.ageGroupId(), activity, now, events, promoted));
                                })
                                .then(Mono.defer(() -> Flux.fromIterable(events).concatMap(outbox::append).then()))))
                        .thenReturn(true));
        return transactions.transactional(work);
    }

    private Mono<Activity> activityOf(Reservation reservation) {
        return offer.period(reservation.periodId()).flatMap(period -> offer.activity(period.activityId()));
    }

    private static String describe(ReservationStatus status) {
        return switch (status) {
            case CONFIRMED -> "déjà confirmée";
            case WAITLISTED -> "en liste d'attente";
            case CANCELLED -> "annulée";
            case OFFERED -> "proposée";
        };
    }
}

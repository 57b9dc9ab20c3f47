package fr.portailfamilles.reservation.booking.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.events.IntegrationEvent;
import fr.portailfamilles.events.reservation.CancellationConfirmed;
import fr.portailfamilles.events.reservation.CancelledLine;
import fr.portailfamilles.events.reservation.ReservationCancelled;
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
 * Cancels one or several reservations in one transaction. Before the activity's deadline it is free;
 * after it, refused or billed as the activity says. A freed place (confirmed, or held for an offer) goes at
 * once, in the same transaction and under the same conditional update, to the children waiting on that day in
 * rank order ({@link WaitingList}).
 */
@Service
public class Cancellations {

    private final ReservationStore reservations;
    private final CapacityLedger capacity;
    private final WaitingList waitingList;
    private final OfferRepository offer;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final Clock clock;

    public Cancellations(ReservationStore reservations, CapacityLedger capacity, WaitingList waitingList, OfferRepository offer,
            Outbox outbox, TransactionalOperator transactions, Clock clock) {
        this.reservations = reservations;
        this.capacity = capacity;
        this.waitingList = waitingList;
        this.offer = offer;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public record Cancelled(UUID cancellationId, List<Reservation> reservations, List<Reservation> promoted) {
    }

    /**
     * @param familyId the caller's family (another family's reservation is not found); null for staff
     * @param reason   staff's reason, required when staff cancel on behalf of a family (they may cancel late for free)
     */
    public Mono<Cancelled> cancel(UUID familyId, List<UUID> ids, String reason) {
        return cancel(familyId, ids, reason, false);
    }

    /**
     * The parent declines a place offered from the waiting list: the reservation is cancelled (free, never late)
     * and the place goes at once to the next child waiting, under the same rule. Refused when the reservation
     * is not an offer waiting for an answer, or when the offer has expired.
     */
    public Mono<Cancelled> declineOffer(UUID familyId, UUID id) {
        return cancel(familyId, List.of(id), null, true);
    }

    private Mono<Cancelled> cancel(UUID familyId, List<UUID> ids, String reason, boolean offerOnly) {
        if (ids.isEmpty()) {
            return Mono.error(ProblemException.invalid("cancellation-empty", "Choisissez au moins une réservation à annuler."));
        }
        boolean staff = familyId == null;
        Instant now = clock.instant();
        UUID cancellationId = UUID.randomUUID();
        List<IntegrationEvent> events = new ArrayList<>();
        List<Reservation> cancelled = new ArrayList<>();
        List<Reservation> promoted = new ArrayList<>();
        List<CancelledLine> lines = new ArrayList<>();
        List<Activity> activities = new ArrayList<>();
        Mono<Cancelled> work = Flux.fromIterable(new LinkedHashSet<>(ids)).sort()
                .concatMap(id -> reservations.findOfFamily(id, familyId)
                        .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Réservation")))
                        .flatMap(found -> offerOnly ? WaitlistOffers.requireOpenOffer(found, now).thenReturn(found) : Mono.just(found))
                        .flatMap(found -> offer.period(found.periodId()).flatMap(period -> offer.activity(period.activityId()))
                                .flatMap(activity -> cancelOne(found, activity, staff, reason, now, events, promoted)
                                        .doOnNext(done -> {
                                            activities.add(activity);
                                            cancelled.add(done);
                                            lines.add(new CancelledLine(done.id(), done.childId(), done.childFirstName(), done.date(),
                                                    done.unit().name(), done.late()));
                                        }))))
                .then(Mono.defer(() -> {
                    UUID family = cancelled.get(0).familyId();
                    events.add(new CancellationConfirmed(cancellationId, family, activities.get(0).structureName(), lines, now));
                    return Flux.fromIterable(events).concatMap(outbox::append).then();
                }))
                .then(Mono.fromSupplier(() -> new Cancelled(cancellationId, cancelled, promoted)));
        return transactions.transactional(work);
    }

    private Mono<Reservation> cancelOne(Reservation reservation, Activity activity, boolean staff, String reason, Instant now,
            List<IntegrationEvent> events, List<Reservation> promoted) {
        if (reservation.status() == ReservationStatus.CANCELLED) {
            return Mono.error(ProblemException.conflict("already-cancelled", "Cette réservation est déjà annulée."));
        }
        boolean confirmed = reservation.status() == ReservationStatus.CONFIRMED;
        // A confirmed place, or a place held for an offer: either is freed and goes to the next child waiting.
        boolean holdsPlace = reservation.status().holdsPlace();
        boolean late = confirmed && !staff && activity.deadlinePassed(reservation.date(), now);
        if (late && activity.lateCancellation() == Activity.LateCancellation.REFUSE) {
            return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "cancellation-deadline-passed", "Annulation impossible",
                    "Le " + Eligibility.DAY.format(reservation.date()) + " ne s'annule plus en ligne depuis le "
                            + Eligibility.WHEN.format(activity.deadlineFor(reservation.date()))
                            + " : la journée reste réservée et facturée. Contactez la structure en cas d'absence justifiée.")
                    .with("rule", "cancellation-deadline-passed").with("reservationId", reservation.id()));
        }
        boolean billable = late && activity.lateCancellation() == Activity.LateCancellation.BILL;
        return reservations.transition(reservation.id(), reservation.status(), ReservationStatus.CANCELLED, late, billable, reason, now)
                .flatMap(changed -> changed ? Mono.empty() : Mono.error(ProblemException.conflict("reservation-changed",
                        "Cette réservation vient d'être modifiée : rechargez la page.")))
                .then(holdsPlace ? capacity.release(reservation.periodId(), reservation.date(), reservation.ageGroupId(), reservation.unit())
                        .then(waitingList.fill(reservation.periodId(), reservation.date(), reservation.ageGroupId(), activity, now, events,
                                promoted)) : Mono.empty())
                .then(reservations.find(reservation.id()))
                .doOnNext(done -> events.add(new ReservationCancelled(done.id(), done.familyId(), done.childId(), done.childFirstName(),
                        activity.structureId(), activity.structureName(), done.periodId(), done.date(), done.unit().name(), done.unit().meal(),
                        late, billable, now)));
    }
}

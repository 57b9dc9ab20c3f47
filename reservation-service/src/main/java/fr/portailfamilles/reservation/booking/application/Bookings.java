package fr.portailfamilles.reservation.booking.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import java.time.Clock;

import fr.portailfamilles.events.IntegrationEvent;
import fr.portailfamilles.events.reservation.BookingLine;
import fr.portailfamilles.events.reservation.BookingPlaced;
import fr.portailfamilles.events.reservation.ReservationConfirmed;
import fr.portailfamilles.events.reservation.ReservationWaitlisted;
import fr.portailfamilles.platform.outbox.IdempotencyKeys;
import fr.portailfamilles.platform.outbox.Outbox;
import fr.portailfamilles.platform.web.ProblemException;
import fr.portailfamilles.reservation.booking.domain.BookingReads;
import fr.portailfamilles.reservation.booking.domain.CapacityLedger;
import fr.portailfamilles.reservation.booking.domain.ReservationStatus;
import fr.portailfamilles.reservation.booking.domain.ReservationStore;
import fr.portailfamilles.reservation.family.domain.FamilyDirectory;
import fr.portailfamilles.reservation.offer.domain.Activity;
import fr.portailfamilles.reservation.offer.domain.AgeGroup;
import fr.portailfamilles.reservation.offer.domain.Period;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Books several children, days and units in one confirmation. Every rule is checked first, from the
 * local projections; then one short transaction takes the places in PostgreSQL (conditional update),
 * puts the rest on the waiting list with an atomically taken rank, records the events in the outbox and
 * stores the answer for the Idempotency-Key.
 */
@Service
public class Bookings {

    private final BookingReads reads;
    private final OfferSnapshots offers;
    private final CapacityLedger capacity;
    private final ReservationStore reservations;
    private final IdempotencyKeys idempotency;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final BookingProperties properties;

    public Bookings(BookingReads reads, OfferSnapshots offers, CapacityLedger capacity, ReservationStore reservations,
            IdempotencyKeys idempotency, Outbox outbox, TransactionalOperator transactions, JsonMapper json, Clock clock,
            BookingProperties properties) {
        this.reads = reads;
        this.offers = offers;
        this.capacity = capacity;
        this.reservations = reservations;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /** What the caller gets: the status to answer with, the result, and whether it is a replay of a stored answer. */
    public record Answer(int status, BookingResult result, boolean replayed) {
    }

    /**
     * @param caller who the Idempotency-Key belongs to
     * @param staff  true when staff book on behalf of the family (reason required); the window, deadlines and the unpaid
     *               invoices rule do not apply then
     */
    public Mono<Answer> book(UUID familyId, String caller, String key, BookingRequest request, boolean staff, String reason) {
        return book(familyId, caller, key, request, request.fingerprint(), staff, reason);
    }

    /** @param fingerprint what "the same request" means for the Idempotency-Key (a weekly pattern is the same pattern, not the same days) */
    Mono<Answer> book(UUID familyId, String caller, String key, BookingRequest request, String fingerprint, boolean staff, String reason) {
        List<BookingRequest.Line> lines = request.normalizedLines();
        // The key first: a replay gets its stored answer even when the same request would now be refused.
        return idempotency.claim(caller, key, fingerprint)
                .flatMap(stored -> stored.isPresent()
                        ? Mono.just(new Answer(stored.get().status(), json.readValue(stored.get().body(), BookingResult.class), true))
                        : Mono.defer(() -> {
                            ProblemException invalid = invalid(lines);
                            return invalid != null ? Mono.<Answer>error(invalid) : place(familyId, caller, key, request.periodId(), lines, staff, reason);
                        }).onErrorResume(error -> idempotency.giveBack(caller, key).then(Mono.error(error))));
    }

    private static ProblemException invalid(List<BookingRequest.Line> lines) {
        if (lines.isEmpty()) {
            return ProblemException.invalid("booking-empty", "Aucun jour à réserver dans cette demande : choisissez au moins un jour ouvert, "
                    + "pas encore réservé et dont le délai n'est pas dépassé.");
        }
        Set<String> seen = new HashSet<>();
        for (BookingRequest.Line line : lines) {
            if (!seen.add(line.childId() + "/" + line.date())) {
                return ProblemException.invalid("duplicate-line",
                        "Un même enfant ne peut être inscrit qu'une fois par jour : retirez le doublon du " + line.date() + ".");
            }
        }
        return null;
    }

    private Mono<Answer> place(UUID familyId, String caller, String key, UUID periodId, List<BookingRequest.Line> lines, boolean staff,
            String reason) {
        Instant now = clock.instant();
        // The family and what it owes in one read (BookingReads); the offer from a one-second snapshot (OfferSnapshots).
        Mono<BookingReads.FamilyFacts> family = reads.family(familyId).doOnNext(facts -> Eligibility.requireActive(facts.family()));
        Mono<Period> period = offers.period(periodId).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Période")));
        return Mono.zip(family, period).flatMap(found -> unpaidAllows(found.getT1().unpaidCents(), staff).then(offers.activity(found.getT2().activityId())
                .zipWith(offers.ageGroups(found.getT2().activityId()))
                .flatMap(offered -> {
                    Period thePeriod = found.getT2();
                    Activity activity = offered.getT1();
                    if (!staff) {
                        Optional<ProblemException> closed = Eligibility.window(thePeriod, found.getT1().family().resident(), now);
                        if (closed.isPresent()) {
                            return Mono.error(closed.get());
                        }
                    }
                    return decide(familyId, activity, offered.getT2(), thePeriod, lines, staff, now)
                            .flatMap(planned -> transactions.transactional(write(familyId, caller, key, activity, thePeriod, planned,
                                    staff ? "STAFF" : "PARENT", reason, now)))
                            .onErrorMap(DuplicateKeyException.class, duplicate -> alreadyBooked());
                })));
    }

    /**
     * A parent whose family owes more than the threshold is refused; staff booking on behalf of the family are not (a
     * payment at the counter not yet invoiced as paid, a payment plan, a social-services case: their reason is recorded).
     */
    private Mono<Void> unpaidAllows(int unpaidCents, boolean staff) {
        if (staff) {
            return Mono.empty();
        }
        return Eligibility.unpaid(unpaidCents, properties.unpaidThresholdCents()).<Mono<Void>>map(Mono::error).orElseGet(Mono::empty);
    }

    private record Planned(BookingRequest.Line line, FamilyDirectory.Child child, AgeGroup group) {
    }

    /** Checks every line against the rules; the first refusal is the answer. One read per line (BookingReads.line). */
    private Mono<List<Planned>> decide(UUID familyId, Activity activity, List<AgeGroup> groups, Period period,
            List<BookingRequest.Line> lines, boolean staff, Instant now) {
        return Flux.fromIterable(lines).concatMap(line -> reads.line(familyId, line.childId(), period.id(), line.date(), activity.requiredDossier())
                .flatMap(facts -> {
                    if (facts.child() == null) {
                        return Mono.error(ProblemException.notFound("Enfant"));
                    }
                    // Staff may book after the deadline (a phone call the day before); every other rule holds.
                    Instant asOf = staff ? activity.deadlineFor(line.date()) : now;
                    Eligibility.Decision decision = Eligibility.day(activity, groups, period, facts.child(), facts.dossierComplete(), line.date(),
                            asOf);
                    if (!decision.allowed()) {
                        return Mono.error(decision.refusal().with("childId", line.childId()).with("date", line.date()));
                    }
                    return facts.alreadyBooked() ? Mono.error(alreadyBooked().with("childId", line.childId()).with("date", line.date()))
                            : Mono.just(new Planned(line, facts.child(), decision.group()));
                })).collectList();
    }

    private Mono<Answer> write(UUID familyId, String caller, String key, Activity activity, Period period, List<Planned> planned,
            String bookedBy, String reason, Instant now) {
        UUID bookingId = UUID.randomUUID();
        List<IntegrationEvent> events = new ArrayList<>();
        // Lines are sorted by day: every transaction locks the same rows in the same order, so no deadlock.
        return Flux.fromIterable(planned).concatMap(plan -> {
            BookingRequest.Line line = plan.line();
            // Confirmed: the place, then the row (2 statements). Waiting: the place refused, then the number and the row in one
            // statement, then the live rank (3). The line is answered from what was written, not read back.
            return capacity.take(period.id(), line.date(), plan.group().id(), line.unit())
                    .flatMap(taken -> taken
                            ? reservations.insert(bookingId, familyId, line.childId(), period.id(), plan.group().id(), line.date(), line.unit(),
                                            ReservationStatus.CONFIRMED, null, bookedBy, reason, now)
                                    .map(id -> new BookingResult.Line(id, line.childId(), plan.child().firstName(), line.date(), line.unit(),
                                            ReservationStatus.CONFIRMED, null))
                            : reservations.insertWaitlisted(bookingId, familyId, line.childId(), period.id(), plan.group().id(), line.date(),
                                            line.unit(), bookedBy, reason, now)
                                    .flatMap(inserted -> reservations.waitlistRank(period.id(), line.date(), plan.group().id(),
                                                    inserted.waitlistSeq())
                                            .map(rank -> new BookingResult.Line(inserted.id(), line.childId(), plan.child().firstName(),
                                                    line.date(), line.unit(), ReservationStatus.WAITLISTED, rank))));
        }).collectList().flatMap(lines -> {
            for (BookingResult.Line line : lines) {
                events.add(line.status() == ReservationStatus.CONFIRMED
                        ? new ReservationConfirmed(line.id(), bookingId, familyId, line.childId(), line.childFirstName(), activity.structureId(),
                                activity.structureName(), activity.kind().name(), period.id(), line.date(), line.unit().name(), line.unit().meal(), now)
                        : new ReservationWaitlisted(line.id(), bookingId, familyId, line.childId(), line.childFirstName(),
                                activity.structureId(), activity.structureName(), period.id(), line.date(), line.unit().name(),
                                line.waitlistRank(), now));
            }
            events.add(new BookingPlaced(bookingId, familyId, activity.structureName(), period.name(), lines.stream()
                    .map(line -> new BookingLine(line.id(), line.childId(), line.childFirstName(), line.date(), line.unit().name(),
                            line.status().name(), line.waitlistRank()))
                    .toList(), now));
            BookingResult result = new BookingResult(bookingId, lines);
            return Flux.fromIterable(events).concatMap(outbox::append)
                    .then(idempotency.complete(caller, key, HttpStatus.CREATED.value(), json.writeValueAsString(result)))
                    .thenReturn(new Answer(HttpStatus.CREATED.value(), result, false));
        });
    }

    private static ProblemException alreadyBooked() {
        return ProblemException.conflict("already-booked",
                "Cet enfant a déjà une réservation (ou une place en liste d'attente) ce jour-là : modifiez-la depuis « Mes réservations ».");
    }
}

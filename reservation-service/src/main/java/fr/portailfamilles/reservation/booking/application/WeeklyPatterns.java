package fr.portailfamilles.reservation.booking.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import fr.portailfamilles.platform.web.ProblemException;
import fr.portailfamilles.reservation.booking.domain.ReservationStatus;
import fr.portailfamilles.reservation.booking.domain.ReservationStore;
import fr.portailfamilles.reservation.offer.domain.Activity;
import fr.portailfamilles.reservation.offer.domain.OfferRepository;
import fr.portailfamilles.reservation.offer.domain.Period;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Expands a weekly pattern into the period's open days that can still be booked (deadline not passed,
 * not already booked for that child) and books them in one confirmation, with the same rules.
 */
@Service
public class WeeklyPatterns {

    private final OfferRepository offer;
    private final ReservationStore reservations;
    private final Bookings bookings;
    private final Clock clock;

    public WeeklyPatterns(OfferRepository offer, ReservationStore reservations, Bookings bookings, Clock clock) {
        this.offer = offer;
        this.reservations = reservations;
        this.bookings = bookings;
        this.clock = clock;
    }

    public Mono<Bookings.Answer> book(UUID familyId, String caller, String key, WeeklyPattern pattern) {
        Instant now = clock.instant();
        return offer.period(pattern.periodId()).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Période")))
                .flatMap(period -> offer.activity(period.activityId()).flatMap(activity -> Flux.fromIterable(pattern.childIds())
                        .concatMap(childId -> reservations.ofChildInPeriod(childId, period.id())
                                .filter(booked -> booked.status() != ReservationStatus.CANCELLED)
                                .map(booked -> booked.date()).collect(Collectors.toSet())
                                .map(taken -> lines(pattern, period, activity, childId, taken, now)))
                        .flatMapIterable(lines -> lines)
                        .collectList()))
                .flatMap(lines -> bookings.book(familyId, caller, key, new BookingRequest(pattern.periodId(), lines, null, null),
                                pattern.fingerprint(), false, null));
    }

    private static List<BookingRequest.Line> lines(WeeklyPattern pattern, Period period, Activity activity, UUID childId,
            Set<LocalDate> taken, Instant now) {
        List<BookingRequest.Line> lines = new ArrayList<>();
        for (LocalDate day : period.openDays()) {
            if ((pattern.from() != null && day.isBefore(pattern.from())) || (pattern.to() != null && day.isAfter(pattern.to()))
                    || taken.contains(day) || activity.deadlinePassed(day, now)) {
                continue;
            }
            pattern.week().stream().filter(slot -> slot.dayOfWeek() == day.getDayOfWeek()).findFirst()
                    .ifPresent(slot -> lines.add(new BookingRequest.Line(childId, day, slot.unit())));
        }
        return lines;
    }
}

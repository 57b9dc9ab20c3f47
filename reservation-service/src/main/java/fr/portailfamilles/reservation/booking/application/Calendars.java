package fr.portailfamilles.reservation.booking.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.portailfamilles.platform.web.ProblemException;
import fr.portailfamilles.reservation.booking.domain.Reservation;
import fr.portailfamilles.reservation.booking.domain.ReservationStatus;
import fr.portailfamilles.reservation.booking.domain.ReservationStore;
import fr.portailfamilles.reservation.family.domain.FamilyDirectory;
import fr.portailfamilles.reservation.offer.domain.Activity;
import fr.portailfamilles.reservation.offer.domain.OfferRepository;
import fr.portailfamilles.reservation.offer.domain.Period;
import fr.portailfamilles.reservation.offer.domain.Unit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What a parent sees before booking: open periods, and a period's calendar for one of their children. */
@Service
public class Calendars {

    /** Why a day or a unit cannot be booked now. FULL still can: the child goes on the waiting list. */
    public enum Blocked {
        CLOSED, BOOKING_NOT_OPEN, BOOKING_CLOSED, DEADLINE_PASSED, NOT_ELIGIBLE, FULL, ALREADY_BOOKED
    }

    public record PeriodSummary(UUID id, String name, UUID activityId, String activity, UUID structureId, String structureName,
            LocalDate startDate, LocalDate endDate, Period.Phase phase, Instant bookingOpensAt, Instant everyoneOpensAt,
            Instant bookingClosesAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnitAvailability(Unit unit, int remaining, boolean bookable, Blocked blocked) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChildStatus(UUID reservationId, Unit unit, ReservationStatus status, Integer waitlistRank, boolean late,
            boolean billable, Instant offerExpiresAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CalendarDay(LocalDate date, boolean open, Blocked blocked, String rule, String why, Instant deadline,
            List<UnitAvailability> units, ChildStatus reservation) {
    }

    public record Calendar(PeriodSummary period, UUID childId, String childFirstName, List<CalendarDay> days) {
    }

    private final OfferRepository offer;
    private final FamilyDirectory families;
    private final ReservationStore reservations;
    private final DatabaseClient database;
    private final Clock clock;
    private final BookingProperties properties;

    public Calendars(OfferRepository offer, FamilyDirectory families, ReservationStore reservations, DatabaseClient database, Clock clock,
            BookingProperties properties) {
        this.offer = offer;
        this.families = families;
        this.reservations = reservations;
        this.database = database;
        this.clock = clock;
        this.properties = properties;
    }

    public Flux<PeriodSummary> openPeriods() {
        Instant now = clock.instant();
        return offer.periodsNotClosed(now).concatMap(period -> summary(period, now));
    }

    private Mono<PeriodSummary> summary(Period period, Instant now) {
        return offer.activity(period.activityId()).map(activity -> new PeriodSummary(period.id(), period.name(), activity.id(),
                activity.name(), activity.structureId(), activity.structureName(), period.startDate(), period.endDate(),
                period.phase(now), period.bookingOpensAt(), period.everyoneOpensAt(), period.bookingClosesAt()));
    }

    /** The period's days for one child of the caller's family (another family's child: 404). */
    public Mono<Calendar> calendar(UUID familyId, UUID periodId, UUID childId) {
        Instant now = clock.instant();
        return families.child(familyId, childId).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Enfant")))
                .flatMap(child -> offer.period(periodId).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Période")))
                        .flatMap(period -> Mono.zip(offer.activity(period.activityId()), offer.ageGroups(period.activityId()).collectList(),
                                        families.family(familyId).defaultIfEmpty(new FamilyDirectory.Family(familyId, "", false, false, null)),
                                        remaining(periodId), reservations.ofChildInPeriod(childId, periodId).collectList(), summary(period, now))
                                .flatMap(facts -> families.dossierComplete(familyId, childId, facts.getT1().requiredDossier())
                                        .zipWith(families.unpaidCents(familyId))
                                        .map(more -> new Calendar(facts.getT6(), childId, child.firstName(),
                                                days(facts.getT1(), facts.getT2(), period, child, more.getT1(),
                                                        Eligibility.unpaid(more.getT2(), properties.unpaidThresholdCents()), facts.getT3(),
                                                        facts.getT4(), facts.getT5(), now))))));
    }

    private List<CalendarDay> days(Activity activity, List<fr.portailfamilles.reservation.offer.domain.AgeGroup> groups, Period period,
            FamilyDirectory.Child child, boolean dossier, Optional<ProblemException> unpaid, FamilyDirectory.Family family,
            Map<String, Integer> remaining, List<Reservation> booked, Instant now) {
        Map<LocalDate, Reservation> byDay = new HashMap<>();
        booked.forEach(reservation -> byDay.merge(reservation.date(), reservation,
                (older, newer) -> newer.status() != ReservationStatus.CANCELLED ? newer : older.status() != ReservationStatus.CANCELLED ? older : newer));
        var windowRefusal = Eligibility.window(period, family.resident() && family.accountActive(), now);
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate day = period.startDate(); !day.isAfter(period.endDate()); day = day.plusDays(1)) {
            LocalDate date = day;
            if (!period.openWeekdays().contains(date.getDayOfWeek())) {
                continue;
            }
            Reservation mine = byDay.get(date);
            ChildStatus status = mine == null ? null : new ChildStatus(mine.id(), mine.unit(), mine.status(), mine.waitlistRank(), mine.late(),
                    mine.billable(), mine.offerExpiresAt());
            if (period.closedDates().containsKey(date)) {
                days.add(new CalendarDay(date, false, Blocked.CLOSED, "day-closed", period.closedDates().get(date), null, List.of(), status));
                continue;
            }
            Eligibility.Decision decision = Eligibility.day(activity, groups, period, child, dossier, date, now);
            Blocked dayBlocked = null;
            String rule = null;
            String why = null;
            ProblemException refusal = decision.allowed() ? null : decision.refusal();
            // Unpaid invoices block every day still bookable; a day whose deadline passed stays DEADLINE_PASSED.
            if (unpaid.isPresent() && (refusal == null || !"deadline-passed".equals(ruleOf(refusal)))) {
                refusal = unpaid.get();
            }
            if (refusal != null) {
                rule = ruleOf(refusal);
                why = refusal.getMessage();
                dayBlocked = "deadline-passed".equals(rule) ? Blocked.DEADLINE_PASSED : Blocked.NOT_ELIGIBLE;
            }
            else if (windowRefusal.isPresent()) {
                rule = (String) windowRefusal.get().toProblemDetail().getProperties().get("rule");
                why = windowRefusal.get().getMessage();
                dayBlocked = "booking-closed".equals(rule) ? Blocked.BOOKING_CLOSED : Blocked.BOOKING_NOT_OPEN;
            }
            else if (mine != null && mine.status() != ReservationStatus.CANCELLED) {
                dayBlocked = Blocked.ALREADY_BOOKED;
            }
            UUID group = decision.allowed() ? decision.group().id()
                    : groups.stream().filter(candidate -> candidate.includes(Activity.ageOn(child.birthDate(), date))).findFirst()
                            .map(found -> found.id()).orElse(null);
            List<UnitAvailability> units = new ArrayList<>();
            for (Unit unit : Unit.values()) {
                int left = group == null ? 0 : Arrays.stream(unit.halfNames())
                        .mapToInt(half -> remaining.getOrDefault(key(date, group, half), 0)).min().orElse(0);
                Blocked unitBlocked = dayBlocked != null ? dayBlocked : left <= 0 ? Blocked.FULL : null;
                units.add(new UnitAvailability(unit, Math.max(left, 0), dayBlocked == null, unitBlocked));
            }
            days.add(new CalendarDay(date, true, dayBlocked, rule, why, activity.deadlineFor(date), units, status));
        }
        return days;
    }

    private static String ruleOf(ProblemException refusal) {
        return (String) refusal.toProblemDetail().getProperties().get("rule");
    }

    private Mono<Map<String, Integer>> remaining(UUID periodId) {
        return database.sql("SELECT date, age_group_id, half, capacity - booked AS remaining FROM day_slot WHERE period_id = :periodId")
                .bind("periodId", periodId)
                .map(row -> Map.entry(key(row.get("date", LocalDate.class), row.get("age_group_id", UUID.class), row.get("half", String.class)),
                        row.get("remaining", Integer.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static String key(LocalDate date, UUID group, String half) {
        return date + "/" + group + "/" + half;
    }
}

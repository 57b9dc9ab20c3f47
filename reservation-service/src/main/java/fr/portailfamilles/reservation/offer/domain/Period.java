package fr.portailfamilles.reservation.offer.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A bookable stretch of an activity ("Vacances d'été 2027"): its dates, open weekdays, closed dates and
 * public holidays, its booking window (optionally residents of the community first) and the waiting room of its opening.
 */
public record Period(UUID id, UUID activityId, String name, LocalDate startDate, LocalDate endDate,
        Set<DayOfWeek> openWeekdays, Instant bookingOpensAt, Instant everyoneOpensAt, Instant bookingClosesAt,
        Map<LocalDate, String> closedDates, WaitingRoom waitingRoom) {

    /** A period without a waiting room. */
    public Period(UUID id, UUID activityId, String name, LocalDate startDate, LocalDate endDate, Set<DayOfWeek> openWeekdays,
            Instant bookingOpensAt, Instant everyoneOpensAt, Instant bookingClosesAt, Map<LocalDate, String> closedDates) {
        this(id, activityId, name, startDate, endDate, openWeekdays, bookingOpensAt, everyoneOpensAt, bookingClosesAt, closedDates,
                WaitingRoom.NONE);
    }

    public enum Phase {
        NOT_OPEN, RESIDENTS_ONLY, OPEN, CLOSED
    }

    public boolean isOpenDay(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate) && openWeekdays.contains(date.getDayOfWeek())
                && !closedDates.containsKey(date);
    }

    public Phase phase(Instant now) {
        if (now.isBefore(bookingOpensAt)) {
            return Phase.NOT_OPEN;
        }
        if (!now.isBefore(bookingClosesAt)) {
            return Phase.CLOSED;
        }
        if (everyoneOpensAt != null && now.isBefore(everyoneOpensAt)) {
            return Phase.RESIDENTS_ONLY;
        }
        return Phase.OPEN;
    }

    public boolean openTo(boolean resident, Instant now) {
        Phase phase = phase(now);
        return phase == Phase.OPEN || (phase == Phase.RESIDENTS_ONLY && resident);
    }

    /** Every open day, in order. */
    public java.util.List<LocalDate> openDays() {
        return startDate.datesUntil(endDate.plusDays(1)).filter(this::isOpenDay).toList();
    }
}

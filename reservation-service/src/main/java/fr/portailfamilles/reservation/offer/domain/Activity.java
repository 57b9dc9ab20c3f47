package fr.portailfamilles.reservation.offer.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import fr.portailfamilles.reservation.structure.domain.StructureKind;

/**
 * What a structure offers (e.g. "ALSH vacances"): who may come (age range, dossier), until when a day
 * can be booked or cancelled (J-x at a cut-off hour, optionally counted in working days), what a late
 * cancellation does, and how the waiting list promotes.
 */
public record Activity(UUID id, UUID structureId, String structureName, String name, StructureKind kind, int minAge,
        int maxAge, String requiredDossier, int deadlineDays, LocalTime cutoffTime, boolean workingDays,
        LateCancellation lateCancellation, WaitlistPolicy waitlistPolicy, Integer offerHours) {

    /** Times are those of the structure's community. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    /** Only for an OFFER activity stored without its hours (the API refuses that). */
    static final int DEFAULT_OFFER_HOURS = 24;

    public enum LateCancellation {
        /** A late cancellation is refused: the day stays booked (and billed). */
        REFUSE,
        /** A late cancellation is accepted but the day is billed. */
        BILL
    }

    public enum WaitlistPolicy {
        /** The first waitlisted child is booked as soon as a place frees. */
        AUTO_BOOK,
        /**
         * The freed place is held for the first waitlisted child for offerHours (never beyond the start of the
         * day): the parent accepts or declines, else the offer expires and the place goes to the next child.
         */
        OFFER
    }

    /** The last instant at which {@code day} can be booked or cancelled freely: J-x at the cut-off hour. */
    public Instant deadlineFor(LocalDate day) {
        LocalDate limit = day;
        int remaining = deadlineDays;
        while (remaining > 0) {
            limit = limit.minusDays(1);
            if (!workingDays || isWorkingDay(limit)) {
                remaining--;
            }
        }
        return limit.atTime(cutoffTime).atZone(ZONE).toInstant();
    }

    public boolean deadlinePassed(LocalDate day, Instant now) {
        return now.isAfter(deadlineFor(day));
    }

    /**
     * Until when a place freed at {@code now} on {@code day} is held for a waiting child: {@code offerHours}
     * later, but never beyond the start of the day (a parent cannot be asked after the day began). Empty when
     * the day has begun: nobody is asked any more.
     */
    public Optional<Instant> offerExpiry(LocalDate day, Instant now) {
        Instant dayStarts = day.atStartOfDay(ZONE).toInstant();
        if (!now.isBefore(dayStarts)) {
            return Optional.empty();
        }
        Instant held = now.plus(Duration.ofHours(offerHours == null ? DEFAULT_OFFER_HOURS : offerHours));
        return Optional.of(held.isBefore(dayStarts) ? held : dayStarts);
    }

    /** Age in whole years on the given day. */
    public static int ageOn(LocalDate birthDate, LocalDate day) {
        return java.time.Period.between(birthDate, day).getYears();
    }

    public boolean ageAllowed(int age) {
        return age >= minAge && age <= maxAge;
    }

    private static boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}

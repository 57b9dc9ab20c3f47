package fr.portailfamilles.reservation.offer.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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

    public enum LateCancellation {
        /** A late cancellation is refused: the day stays booked (and billed). */
        REFUSE,
        /** A late cancellation is accepted but the day is billed. */
        BILL
    }

    public enum WaitlistPolicy {
        /** The first waitlisted child is booked as soon as a place frees. */
        AUTO_BOOK,
        /** The first waitlisted child is offered the place for offerHours (not implemented yet: behaves as AUTO_BOOK). */
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

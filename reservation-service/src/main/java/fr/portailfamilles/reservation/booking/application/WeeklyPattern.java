package fr.portailfamilles.reservation.booking.application;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.portailfamilles.reservation.offer.domain.Unit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * "Semaine type": the same weekdays and units repeated over a period (or part of it), for one or several
 * children, e.g. every Wednesday afternoon with meal.
 */
public record WeeklyPattern(
        @NotNull UUID periodId,
        @NotEmpty @Size(max = 10) List<@NotNull UUID> childIds,
        @NotEmpty @Size(max = 7) List<@Valid @NotNull Slot> week,
        LocalDate from,
        LocalDate to) {

    public record Slot(@NotNull DayOfWeek dayOfWeek, @NotNull Unit unit) {
    }

    String fingerprint() {
        return "week|" + periodId + "|" + childIds.stream().sorted().map(UUID::toString).collect(Collectors.joining(",")) + "|"
                + week.stream().map(slot -> slot.dayOfWeek() + "/" + slot.unit()).sorted().collect(Collectors.joining(",")) + "|" + from + "|" + to;
    }
}

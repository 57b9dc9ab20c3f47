package fr.portailfamilles.reservation.booking.application;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.portailfamilles.reservation.offer.domain.Unit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One confirmation: several children, days and units. Either {@code lines}, or the short form of one
 * child {@code {childId, periodId, days: [{date, unit}]}}.
 */
public record BookingRequest(
        @NotNull UUID periodId,
        @Size(max = 200) List<@Valid @NotNull Line> lines,
        UUID childId,
        @Size(max = 200) List<@Valid @NotNull Day> days) {

    public record Line(@NotNull UUID childId, @NotNull LocalDate date, @NotNull Unit unit) {
    }

    public record Day(@NotNull LocalDate date, @NotNull Unit unit) {
    }

    /** The lines, whichever form was sent, in a stable order (day, then child). */
    public List<Line> normalizedLines() {
        List<Line> all = lines != null && !lines.isEmpty() ? lines
                : days == null || childId == null ? List.of() : days.stream().map(day -> new Line(childId, day.date(), day.unit())).toList();
        return all.stream().sorted(Comparator.comparing(Line::date).thenComparing(Line::childId).thenComparing(Line::unit)).toList();
    }

    /** What "the same body" means for Idempotency-Key: the same period and the same lines, whatever their order or form. */
    public String fingerprint() {
        return periodId + "|" + normalizedLines().stream().map(line -> line.childId() + "/" + line.date() + "/" + line.unit())
                .collect(Collectors.joining(","));
    }
}

package fr.portailfamilles.reservation.offer.application;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A period of an activity: dates, open weekdays, closed dates and public holidays, and the booking window
 * (everyoneOpensAt set: residents of the community may book from bookingOpensAt, everyone from everyoneOpensAt).
 */
public record PeriodForm(
        @NotBlank @Size(max = 150) String name,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotEmpty Set<DayOfWeek> openWeekdays,
        @Size(max = 100) List<@Valid ClosedDate> closedDates,
        @NotNull Instant bookingOpensAt,
        Instant everyoneOpensAt,
        @NotNull Instant bookingClosesAt) {

    public record ClosedDate(@NotNull LocalDate date, @NotBlank @Size(max = 100) String reason) {
    }
}

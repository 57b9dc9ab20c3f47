package fr.portailfamilles.reservation.offer.application;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import fr.portailfamilles.reservation.offer.domain.WaitingRoom;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A period of an activity: dates, open weekdays, closed dates and public holidays, and the booking window
 * (everyoneOpensAt set: residents of the community may book from bookingOpensAt, everyone from everyoneOpensAt), and
 * optionally the waiting room of its opening.
 */
public record PeriodForm(
        @NotBlank @Size(max = 150) String name,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotEmpty Set<DayOfWeek> openWeekdays,
        @Size(max = 100) List<@Valid ClosedDate> closedDates,
        @NotNull Instant bookingOpensAt,
        Instant everyoneOpensAt,
        @NotNull Instant bookingClosesAt,
        @Valid WaitingRoomForm waitingRoom) {

    public WaitingRoom waitingRoomOrNone() {
        return waitingRoom == null ? WaitingRoom.NONE : waitingRoom.toWaitingRoom();
    }

    /**
     * The waiting room of the opening (bookingOpensAt): used or not, and the most families admitted per minute
     * (1 to 60,000; the room admits fewer when the service is saturated).
     */
    public record WaitingRoomForm(@NotNull Boolean enabled, @NotNull @Min(1) @Max(60000) Integer paceLimitPerMinute) {

        public WaitingRoom toWaitingRoom() {
            return new WaitingRoom(enabled, paceLimitPerMinute);
        }
    }

    public record ClosedDate(@NotNull LocalDate date, @NotBlank @Size(max = 100) String reason) {
    }
}

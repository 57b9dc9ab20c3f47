package fr.portailfamilles.reservation.offer.web;

import java.time.Instant;
import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.reservation.offer.application.BookingWindows;
import fr.portailfamilles.reservation.offer.domain.BookingWindow;
import fr.portailfamilles.reservation.offer.domain.Period;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/** Staff edit a period's booking window (only STAFF / ADMIN reach /api/admin/**). */
@RestController
public class BookingWindowAdminController {

    private final BookingWindows windows;

    public BookingWindowAdminController(BookingWindows windows) {
        this.windows = windows;
    }

    @Operation(summary = "Move a period's booking window: opening, opening to everyone after residents (optional), closing")
    @PutMapping("/api/admin/periods/{id}/booking-window")
    public Mono<Period> change(@PathVariable UUID id, @Valid @RequestBody BookingWindowForm form) {
        return windows.change(id, new BookingWindow(form.bookingOpensAt(), form.everyoneOpensAt(), form.bookingClosesAt()));
    }

    public record BookingWindowForm(@NotNull Instant bookingOpensAt, Instant everyoneOpensAt, @NotNull Instant bookingClosesAt) {
    }
}

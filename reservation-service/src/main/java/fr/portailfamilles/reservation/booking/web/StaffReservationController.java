package fr.portailfamilles.reservation.booking.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.platform.web.CurrentUser;
import fr.portailfamilles.reservation.booking.application.BookingRequest;
import fr.portailfamilles.reservation.booking.application.BookingRequest.Line;
import fr.portailfamilles.reservation.booking.application.BookingResult;
import fr.portailfamilles.reservation.booking.application.Bookings;
import fr.portailfamilles.reservation.booking.application.Cancellations;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/** Staff: booking or cancelling on behalf of a family, always with a reason (attendance lists: the attendance feature). */
@RestController
public class StaffReservationController {

    private final Bookings bookings;
    private final Cancellations cancellations;

    public StaffReservationController(Bookings bookings, Cancellations cancellations) {
        this.bookings = bookings;
        this.cancellations = cancellations;
    }

    @Operation(summary = "Book on behalf of a family (Idempotency-Key required); deadlines do not apply, every other rule does")
    @PostMapping("/api/admin/families/{familyId}/reservations")
    public Mono<ResponseEntity<BookingResult>> bookForFamily(@PathVariable UUID familyId, @RequestHeader(name = "Idempotency-Key") String key,
            @Valid @RequestBody StaffBooking request) {
        return CurrentUser.get().flatMap(staff -> bookings.book(familyId, "staff:" + staff.userId(), key,
                        new BookingRequest(request.periodId(), request.lines(), null, null), true, request.reason().strip()))
                .map(answer -> ResponseEntity.status(answer.status()).header("Idempotent-Replayed", String.valueOf(answer.replayed()))
                        .body(answer.result()));
    }

    @Operation(summary = "Cancel on behalf of a family, with a reason; never billed as late, the freed place promotes the waiting list")
    @PostMapping("/api/admin/reservations/{id}/cancellation")
    public Mono<Cancellations.Cancelled> cancelForFamily(@PathVariable UUID id, @Valid @RequestBody Reason reason) {
        return cancellations.cancel(null, List.of(id), reason.reason().strip());
    }

    public record StaffBooking(@NotNull UUID periodId, @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull Line> lines,
            @NotBlank @Size(max = 500) String reason) {
    }

    public record Reason(@NotBlank @Size(max = 500) String reason) {
    }
}

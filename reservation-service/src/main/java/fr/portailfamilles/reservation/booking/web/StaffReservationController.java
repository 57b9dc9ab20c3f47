package fr.portailfamilles.reservation.booking.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.platform.web.CurrentUser;
import fr.portailfamilles.reservation.booking.application.BookingRequest;
import fr.portailfamilles.reservation.booking.application.BookingRequest.Line;
import fr.portailfamilles.reservation.booking.application.BookingResult;
import fr.portailfamilles.reservation.booking.application.Bookings;
import fr.portailfamilles.reservation.booking.application.Cancellations;
import fr.portailfamilles.reservation.booking.domain.Reservation;
import fr.portailfamilles.reservation.booking.domain.ReservationStore;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff: attendance lists, and booking or cancelling on behalf of a family, always with a reason. */
@RestController
public class StaffReservationController {

    private final ReservationStore reservations;
    private final Bookings bookings;
    private final Cancellations cancellations;

    public StaffReservationController(ReservationStore reservations, Bookings bookings, Cancellations cancellations) {
        this.reservations = reservations;
        this.bookings = bookings;
        this.cancellations = cancellations;
    }

    @Operation(summary = "Attendance list of a structure on a day: the confirmed children")
    @GetMapping("/api/admin/attendance")
    public Flux<Reservation> attendance(@RequestParam UUID structureId, @RequestParam LocalDate date) {
        return reservations.confirmedOn(structureId, date);
    }

    @Operation(summary = "The same attendance list as CSV (semicolon-separated, for a spreadsheet)")
    @GetMapping(path = "/api/admin/attendance.csv", produces = "text/csv")
    public Mono<ResponseEntity<String>> attendanceCsv(@RequestParam UUID structureId, @RequestParam LocalDate date) {
        return reservations.confirmedOn(structureId, date).collectList().map(list -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"presences-" + date + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body("date;prenom;unite;repas;reservation\n" + list.stream()
                        .map(row -> String.join(";", row.date().toString(), csv(row.childFirstName()), row.unit().name(),
                                row.unit().meal() ? "oui" : "non", row.id().toString()))
                        .collect(Collectors.joining("\n", "", list.isEmpty() ? "" : "\n"))));
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

    private static String csv(String value) {
        String safe = value == null ? "" : value;
        // Neutralise spreadsheet formulas and keep the separator out.
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return safe.replace(";", ",").replace("\n", " ");
    }
}

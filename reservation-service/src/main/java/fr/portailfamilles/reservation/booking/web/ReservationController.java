package fr.portailfamilles.reservation.booking.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.platform.web.CurrentUser;
import fr.portailfamilles.platform.web.admission.AdmissionPasses;
import fr.portailfamilles.reservation.booking.application.BookingRequest;
import fr.portailfamilles.reservation.booking.application.BookingResult;
import fr.portailfamilles.reservation.booking.application.Bookings;
import fr.portailfamilles.reservation.booking.application.Calendars;
import fr.portailfamilles.reservation.booking.application.Cancellations;
import fr.portailfamilles.reservation.booking.application.WaitlistOffers;
import fr.portailfamilles.reservation.booking.application.WeeklyPattern;
import fr.portailfamilles.reservation.booking.application.WeeklyPatterns;
import fr.portailfamilles.reservation.booking.domain.Reservation;
import fr.portailfamilles.reservation.booking.domain.ReservationStore;
import fr.portailfamilles.reservation.waitingroom.application.WaitingRooms;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The parent's side: periods, calendar, booking, récapitulatif, cancellation and answers to waiting-list offers,
 * always scoped to the token's family.
 */
@RestController
public class ReservationController {

    private final Calendars calendars;
    private final Bookings bookings;
    private final Cancellations cancellations;
    private final ReservationStore reservations;
    private final WeeklyPatterns weeklyPatterns;
    private final WaitlistOffers offers;
    private final WaitingRooms waitingRooms;

    public ReservationController(Calendars calendars, Bookings bookings, Cancellations cancellations, ReservationStore reservations,
            WeeklyPatterns weeklyPatterns, WaitlistOffers offers, WaitingRooms waitingRooms) {
        this.waitingRooms = waitingRooms;
        this.offers = offers;
        this.weeklyPatterns = weeklyPatterns;
        this.calendars = calendars;
        this.bookings = bookings;
        this.cancellations = cancellations;
        this.reservations = reservations;
    }

    @Operation(summary = "Periods open for booking or about to open")
    @GetMapping("/api/periods")
    public Flux<Calendars.PeriodSummary> periods() {
        return calendars.openPeriods();
    }

    @Operation(summary = "A period's open days for one child: remaining places per unit, the child's status, why a day is not bookable")
    @GetMapping("/api/periods/{id}/calendar")
    public Mono<Calendars.Calendar> calendar(@PathVariable UUID id, @RequestParam UUID childId) {
        return CurrentUser.requireFamilyId().flatMap(familyId -> calendars.calendar(familyId, id, childId));
    }

    @Operation(summary = "Book several children, days and units in one confirmation (Idempotency-Key required): each line CONFIRMED or WAITLISTED."
            + " While the period's waiting room admits, the Admission-Pass header is required (403 admission-pass-required)")
    @PostMapping("/api/reservations")
    public Mono<ResponseEntity<BookingResult>> book(@RequestHeader(name = "Idempotency-Key") String key,
            @RequestHeader(name = AdmissionPasses.HEADER, required = false) String pass, @Valid @RequestBody BookingRequest request) {
        return CurrentUser.requireFamilyId()
                .flatMap(familyId -> waitingRooms.checkBooking(familyId, request.periodId(), pass)
                        .then(Mono.defer(() -> bookings.book(familyId, "family:" + familyId, key, request, false, null))))
                .map(answer -> ResponseEntity.status(answer.status())
                        .header("Idempotent-Replayed", String.valueOf(answer.replayed()))
                        .body(answer.result()));
    }

    @Operation(summary = "Semaine type: repeat weekdays and units over the period for one or several children, in one confirmation")
    @PostMapping("/api/reservations/weekly-pattern")
    public Mono<ResponseEntity<BookingResult>> bookWeek(@RequestHeader(name = "Idempotency-Key") String key,
            @RequestHeader(name = AdmissionPasses.HEADER, required = false) String pass, @Valid @RequestBody WeeklyPattern pattern) {
        return CurrentUser.requireFamilyId()
                .flatMap(familyId -> waitingRooms.checkBooking(familyId, pattern.periodId(), pass)
                        .then(Mono.defer(() -> weeklyPatterns.book(familyId, "family:" + familyId, key, pattern))))
                .map(answer -> ResponseEntity.status(answer.status())
                        .header("Idempotent-Replayed", String.valueOf(answer.replayed()))
                        .body(answer.result()));
    }

    @Operation(summary = "The family's récapitulatif: every reservation, with its waiting-list rank, or its offer's expiry (OFFERED)")
    @GetMapping("/api/reservations")
    public Flux<Reservation> list() {
        return CurrentUser.requireFamilyId().flatMapMany(reservations::ofFamily);
    }

    @Operation(summary = "Cancel one reservation: free before the deadline, refused or billed after it as the activity says")
    @PostMapping("/api/reservations/{id}/cancellation")
    public Mono<Cancellations.Cancelled> cancel(@PathVariable UUID id) {
        return CurrentUser.requireFamilyId().flatMap(familyId -> cancellations.cancel(familyId, List.of(id), null));
    }

    @Operation(summary = "Cancel several reservations at once (all or nothing)")
    @PostMapping("/api/reservations/cancellations")
    public Mono<Cancellations.Cancelled> cancelMany(@Valid @RequestBody CancellationRequest request) {
        return CurrentUser.requireFamilyId().flatMap(familyId -> cancellations.cancel(familyId, request.reservationIds(), null));
    }

    @Operation(summary = "Accept a place offered from the waiting list before its offer expires: the reservation becomes CONFIRMED")
    @PostMapping("/api/reservations/{id}/offer/acceptance")
    public Mono<Reservation> acceptOffer(@PathVariable UUID id) {
        return CurrentUser.requireFamilyId().flatMap(familyId -> offers.accept(familyId, id));
    }

    @Operation(summary = "Decline a place offered from the waiting list: the reservation is cancelled (free) and the place goes to the next child")
    @PostMapping("/api/reservations/{id}/offer/refusal")
    public Mono<Cancellations.Cancelled> declineOffer(@PathVariable UUID id) {
        return CurrentUser.requireFamilyId().flatMap(familyId -> cancellations.declineOffer(familyId, id));
    }

    public record CancellationRequest(@NotEmpty @Size(max = 200) List<@NotNull UUID> reservationIds) {
    }

}

package fr.portailfamilles.reservation.booking.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.reservation.booking.domain.Reservation;
import fr.portailfamilles.reservation.booking.domain.ReservationStore;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Flux;

/**
 * One family's reservations for staff (the family page of the back office). Under /api/admin/reservations
 * with a query parameter: /api/admin/families/** belongs to account-service at the gateway.
 */
@RestController
public class FamilyReservationsAdminController {

    private final ReservationStore reservations;

    public FamilyReservationsAdminController(ReservationStore reservations) {
        this.reservations = reservations;
    }

    @Operation(summary = "A family's reservations, as its parents see them under « Mes réservations »")
    @GetMapping("/api/admin/reservations")
    public Flux<Reservation> ofFamily(@RequestParam UUID familyId) {
        return reservations.ofFamily(familyId);
    }
}

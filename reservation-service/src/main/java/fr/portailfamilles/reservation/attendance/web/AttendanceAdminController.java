package fr.portailfamilles.reservation.attendance.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.platform.web.CurrentUser;
import fr.portailfamilles.platform.web.ProblemException;
import fr.portailfamilles.reservation.attendance.domain.AttendanceRow;
import fr.portailfamilles.reservation.attendance.domain.AttendanceStatus;
import fr.portailfamilles.reservation.attendance.domain.AttendanceStore;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff: a structure's attendance list for a day, its pointage (present, absent, late with the time) and its CSV export. */
@RestController
public class AttendanceAdminController {

    private final AttendanceStore attendance;
    private final Clock clock;

    public AttendanceAdminController(AttendanceStore attendance, Clock clock) {
        this.attendance = attendance;
        this.clock = clock;
    }

    @Operation(summary = "Attendance list of a structure on a day: the confirmed children by surname, unit, meal and pointage")
    @GetMapping("/api/admin/attendance")
    public Flux<AttendanceRow> list(@RequestParam UUID structureId, @RequestParam LocalDate date) {
        return attendance.list(structureId, date);
    }

    @Operation(summary = "Pointage of a confirmed reservation {status: PRESENT|ABSENT|LATE, arrivedAt (HH:mm): required when LATE, "
            + "optional when PRESENT, none when ABSENT}; marking again replaces the mark")
    @PutMapping("/api/admin/attendance/{reservationId}")
    public Mono<ResponseEntity<Void>> mark(@PathVariable UUID reservationId, @Valid @RequestBody Mark mark) {
        if (mark.status() == AttendanceStatus.LATE && mark.arrivedAt() == null) {
            return Mono.error(ProblemException.invalid("arrival-time-missing", "Indiquez l'heure d'arrivée d'un enfant en retard."));
        }
        LocalTime arrivedAt = mark.status() == AttendanceStatus.ABSENT ? null : mark.arrivedAt();
        return CurrentUser.get()
                .flatMap(staff -> attendance.mark(reservationId, mark.status(), arrivedAt, staff.userId(), clock.instant()))
                .flatMap(marked -> marked ? Mono.just(ResponseEntity.noContent().<Void>build())
                        : Mono.error(ProblemException.notFound("Réservation confirmée")));
    }

    @Operation(summary = "The same attendance list as CSV (semicolon-separated, UTF-8, for a spreadsheet)")
    @GetMapping(path = "/api/admin/attendance.csv", produces = "text/csv")
    public Mono<ResponseEntity<String>> csv(@RequestParam UUID structureId, @RequestParam LocalDate date) {
        return attendance.list(structureId, date).collectList().map(list -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"presences-" + date + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body("date;nom;prenom;unite;repas;pointage;heure;reservation\n" + list.stream()
                        .map(row -> String.join(";", row.date().toString(), cell(row.familyName()), cell(row.childFirstName()), row.unit(),
                                row.meal() ? "oui" : "non", row.status() == null ? "" : row.status().name(),
                                row.arrivedAt() == null ? "" : row.arrivedAt().toString(), row.reservationId().toString()))
                        .collect(Collectors.joining("\n", "", list.isEmpty() ? "" : "\n"))));
    }

    public record Mark(@NotNull AttendanceStatus status, LocalTime arrivedAt) {
    }

    private static String cell(String value) {
        String safe = value == null ? "" : value;
        // Neutralise spreadsheet formulas and keep the separator out.
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return safe.replace(";", ",").replace("\n", " ");
    }
}

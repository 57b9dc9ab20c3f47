package fr.portailfamilles.reservation.waitingroom.web;

import java.time.Instant;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.portailfamilles.platform.web.CurrentUser;
import fr.portailfamilles.reservation.waitingroom.application.WaitingRooms;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

/** The parent's side of a period's waiting room; never cached, a position is only true now. */
@RestController
public class WaitingRoomController {

    private final WaitingRooms rooms;

    public WaitingRoomController(WaitingRooms rooms) {
        this.rooms = rooms;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(String status, Instant opensAt, Integer position, Integer ahead, Long estimatedWaitSeconds, String pass,
            Instant passExpiresAt) {

        static Answer of(WaitingRooms.View view) {
            return new Answer(view.status().name(), view.opensAt(), view.position(), view.ahead(), view.estimatedWaitSeconds(), view.pass(),
                    view.passExpiresAt());
        }
    }

    @Operation(summary = "Join the waiting room of a period's opening (one place per family: joining again gives the same place). "
            + "status WAITING|ADMITTED|NOT_REQUIRED; position, ahead and estimatedWaitSeconds once the order is drawn; pass once admitted")
    @PostMapping("/api/periods/{periodId}/waiting-room")
    public Mono<ResponseEntity<Answer>> join(@PathVariable UUID periodId) {
        return CurrentUser.get().flatMap(user -> rooms.join(user, periodId)).map(WaitingRoomController::noStore);
    }

    @Operation(summary = "Where the family stands in the period's waiting room (404 when it has not joined a room in use)")
    @GetMapping("/api/periods/{periodId}/waiting-room")
    public Mono<ResponseEntity<Answer>> read(@PathVariable UUID periodId) {
        return CurrentUser.get().flatMap(user -> rooms.read(user, periodId)).map(WaitingRoomController::noStore);
    }

    private static ResponseEntity<Answer> noStore(WaitingRooms.View view) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Answer.of(view));
    }
}

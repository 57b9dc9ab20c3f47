package fr.portailfamilles.platform.outbox;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.platform.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The operator's view of this service's parking lot. Each service parks in its own database, so the path names the
 * service ({@code /api/admin/parked-events/billing-service}) and the gateway routes each one to its owner. Staff
 * may look; replaying changes data, so it is for ADMIN only.
 */
@RestController
@RequestMapping("/api/admin/parked-events/${spring.application.name}")
public class ParkedEventsController {

    private final ParkedEvents parkedEvents;
    private final ParkedEventReplay replay;

    public ParkedEventsController(ParkedEvents parkedEvents, ParkedEventReplay replay) {
        this.parkedEvents = parkedEvents;
        this.replay = replay;
    }

    @GetMapping
    @Operation(summary = "Events this service's consumers parked (never handleable as they were) and not replayed yet, oldest first")
    public Flux<ParkedEvent> waiting() {
        return parkedEvents.waiting();
    }

    @PostMapping("/{id}/replay")
    @Operation(summary = "ADMIN only: hand a parked event back to its consumer after a fix; 409 replay-failed if it fails again")
    public Mono<ParkedEvent> replay(@PathVariable UUID id) {
        return CurrentUser.requireAdmin().then(replay.replay(id));
    }
}

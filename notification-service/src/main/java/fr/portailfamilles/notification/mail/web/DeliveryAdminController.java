package fr.portailfamilles.notification.mail.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.notification.mail.application.DeliveryQueue;
import fr.portailfamilles.notification.mail.domain.Delivery;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@Validated
@RequestMapping("/api/admin/deliveries")
public class DeliveryAdminController {

    private final DeliveryQueue deliveries;

    public DeliveryAdminController(DeliveryQueue deliveries) {
        this.deliveries = deliveries;
    }

    @Operation(summary = "The delivery log, newest first, optionally one status (FAILED shows the last error)")
    @GetMapping
    public Flux<DeliveryView> log(@RequestParam(required = false) @Pattern(regexp = "QUEUED|SENT|FAILED") String status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return deliveries.log(status, limit).map(DeliveryView::of);
    }

    @Operation(summary = "One delivery of the log (without its body), to follow an e-mail sent again; 404 for an unknown id")
    @GetMapping("/{id}")
    public Mono<DeliveryView> one(@PathVariable UUID id) {
        return deliveries.find(id).map(DeliveryView::of);
    }

    @Operation(summary = "Queue an e-mail again (attempts reset); 404 for an unknown id")
    @PostMapping("/{id}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<DeliveryView> resend(@PathVariable UUID id) {
        return deliveries.resend(id).map(DeliveryView::of);
    }

    /** The log without the bodies. */
    public record DeliveryView(UUID id, String eventId, UUID familyId, String recipient, String template, String subject,
            String status, int attempts, java.time.Instant nextAttemptAt, String lastError, java.time.Instant createdAt,
            java.time.Instant sentAt) {

        static DeliveryView of(Delivery delivery) {
            return new DeliveryView(delivery.id(), delivery.eventId(), delivery.familyId(), delivery.recipient(),
                    delivery.template(), delivery.subject(), delivery.status(), delivery.attempts(), delivery.nextAttemptAt(),
                    delivery.lastError(), delivery.createdAt(), delivery.sentAt());
        }
    }
}

package fr.portailfamilles.reservation.offer.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.reservation.booking.application.DayCapacities;
import fr.portailfamilles.reservation.offer.application.ActivityForm;
import fr.portailfamilles.reservation.offer.application.Offers;
import fr.portailfamilles.reservation.offer.application.PeriodForm;
import fr.portailfamilles.reservation.offer.domain.Activity;
import fr.portailfamilles.reservation.offer.domain.AgeGroup;
import fr.portailfamilles.reservation.offer.domain.Period;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff set up the offer: activities with their age groups, periods with their days, capacities. */
@RestController
@RequestMapping("/api/admin")
public class OfferAdminController {

    private final Offers offers;
    private final DayCapacities dayCapacities;

    public OfferAdminController(Offers offers, DayCapacities dayCapacities) {
        this.offers = offers;
        this.dayCapacities = dayCapacities;
    }

    @Operation(summary = "Every activity, by structure then name")
    @GetMapping("/activities")
    public Flux<ActivityView> activities() {
        return offers.activities().concatMap(this::view);
    }

    @Operation(summary = "One activity with its age groups")
    @GetMapping("/activities/{id}")
    public Mono<ActivityView> activity(@PathVariable UUID id) {
        return offers.activity(id).flatMap(this::view);
    }

    @Operation(summary = "Declare an activity of a structure, with its age groups and their places per day")
    @PostMapping("/activities")
    public Mono<ResponseEntity<ActivityView>> createActivity(@Valid @RequestBody ActivityForm form) {
        return offers.createActivity(form).flatMap(this::view)
                .map(view -> ResponseEntity.created(URI.create("/api/admin/activities/" + view.activity().id())).body(view));
    }

    @Operation(summary = "The periods of an activity")
    @GetMapping("/activities/{id}/periods")
    public Flux<Period> periods(@PathVariable UUID id) {
        return offers.activity(id).thenMany(offers.periodsOf(id));
    }

    @Operation(summary = "Open a period of an activity: its days and places per age group and half-day are created")
    @PostMapping("/activities/{id}/periods")
    public Mono<ResponseEntity<Period>> createPeriod(@PathVariable UUID id, @Valid @RequestBody PeriodForm form) {
        return offers.createPeriod(id, form)
                .map(period -> ResponseEntity.created(URI.create("/api/admin/periods/" + period.id())).body(period));
    }

    @Operation(summary = "One period")
    @GetMapping("/periods/{id}")
    public Mono<Period> period(@PathVariable UUID id) {
        return offers.period(id);
    }

    @Operation(summary = "Turn the waiting room of a period's opening on or off and set its pace (families admitted per minute at most)")
    @PutMapping("/periods/{id}/waiting-room")
    public Mono<Period> setWaitingRoom(@PathVariable UUID id, @Valid @RequestBody PeriodForm.WaitingRoomForm form) {
        return offers.setWaitingRoom(id, form.toWaitingRoom());
    }

    @Operation(summary = "Capacity board: per day and age group, booked / capacity per half-day, waiting children, meals")
    @GetMapping("/periods/{id}/capacity")
    public Flux<Offers.BoardRow> board(@PathVariable UUID id) {
        return offers.board(id);
    }

    @Operation(summary = "Set the places of one day and age group (never below what is booked); places added go at once to the waiting list")
    @PutMapping("/periods/{id}/capacity")
    public Mono<ResponseEntity<Void>> setCapacity(@PathVariable UUID id, @Valid @RequestBody CapacityForm form) {
        return dayCapacities.set(id, form.date(), form.ageGroupId(), form.capacity())
                .thenReturn(ResponseEntity.noContent().build());
    }

    private Mono<ActivityView> view(Activity activity) {
        return offers.ageGroups(activity.id()).collectList().map(groups -> new ActivityView(activity, groups));
    }

    public record ActivityView(Activity activity, List<AgeGroup> ageGroups) {
    }

    public record CapacityForm(@NotNull LocalDate date, @NotNull UUID ageGroupId, @NotNull @Min(0) @Max(500) Integer capacity) {
    }
}

package fr.portailfamilles.account.request.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.account.family.application.FamilyViews.Page;
import fr.portailfamilles.account.request.application.AccountRequestReview;
import fr.portailfamilles.account.request.application.AccountRequestReview.RequestDetail;
import fr.portailfamilles.account.request.application.AccountRequestReview.RequestSummary;
import fr.portailfamilles.platform.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/** The staff validation queue of account requests. */
@RestController
@RequestMapping("/api/admin/account-requests")
public class AdminAccountRequestController {

    private final AccountRequestReview review;

    public AdminAccountRequestController(AccountRequestReview review) {
        this.review = review;
    }

    @Operation(summary = "Account requests, oldest first, optionally of one status (PENDING by default)")
    @GetMapping
    public Mono<Page<RequestSummary>> list(
            @RequestParam(defaultValue = "PENDING") @Pattern(regexp = "PENDING|APPROVED|REJECTED|ALL") String status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return review.list("ALL".equals(status) ? null : status, page, size);
    }

    @Operation(summary = "One request with the form the family sent")
    @GetMapping("/{id}")
    public Mono<RequestDetail> detail(@PathVariable UUID id) {
        return review.detail(id);
    }

    @Operation(summary = "Approve: creates (or actualises) the family and sends the activation links; 409 if already decided")
    @PostMapping("/{id}/approval")
    public Mono<RequestDetail> approve(@PathVariable UUID id) {
        return CurrentUser.get().flatMap(staff -> review.approve(id, staff.userId()));
    }

    @Operation(summary = "Reject with the reason the family is told; 409 if already decided")
    @PostMapping("/{id}/rejection")
    public Mono<RequestDetail> reject(@PathVariable UUID id, @Valid @RequestBody Rejection rejection) {
        return CurrentUser.get().flatMap(staff -> review.reject(id, staff.userId(), rejection.reason()));
    }

    public record Rejection(@NotBlank @Size(max = 1000) @Pattern(regexp = "^[^<>]*$", message = "ne peut pas contenir les caractères < ou >") String reason) {
    }
}

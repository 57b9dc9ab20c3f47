package fr.portailfamilles.account.staff.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.account.auth.domain.UserAccount;
import fr.portailfamilles.account.staff.application.StaffAccounts;
import fr.portailfamilles.platform.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/** Staff accounts, for administrators only (checked here, not only at the gateway). */
@RestController
@RequestMapping("/api/admin/staff")
public class StaffAdminController {

    private final StaffAccounts staff;

    public StaffAdminController(StaffAccounts staff) {
        this.staff = staff;
    }

    @Operation(summary = "ADMIN only: staff and administrator accounts")
    @GetMapping
    public Mono<List<StaffView>> list() {
        return CurrentUser.requireAdmin().flatMap(admin -> staff.list().map(StaffView::of).collectList());
    }

    @Operation(summary = "ADMIN only: create a staff account; the agent gets a link to choose a password; 409 email-taken")
    @PostMapping
    public Mono<ResponseEntity<StaffView>> create(@Valid @RequestBody StaffForm form) {
        return CurrentUser.requireAdmin()
                .flatMap(admin -> staff.create(form.email(), form.displayName(), form.admin()))
                .map(created -> ResponseEntity.created(URI.create("/api/admin/staff/" + created.id())).body(StaffView.of(created)));
    }

    @Operation(summary = "ADMIN only: disable a staff account (login refused from now on); 409 for one's own account")
    @PostMapping("/{id}/disabling")
    public Mono<StaffView> disable(@PathVariable UUID id) {
        return CurrentUser.requireAdmin().flatMap(admin -> staff.disable(id, admin.userId())).map(StaffView::of);
    }

    public record StaffForm(@NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) @Pattern(regexp = "^[^<>]*$", message = "ne peut pas contenir les caractères < ou >") String displayName,
            @NotNull Boolean admin) {
    }

    public record StaffView(UUID id, String email, String displayName, List<String> roles, String status, Instant createdAt) {

        static StaffView of(UserAccount account) {
            return new StaffView(account.id(), account.email(), account.displayName(), account.roles(), account.status().name(),
                    account.createdAt());
        }
    }
}

package fr.portailfamilles.account.auth.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.account.auth.application.Credentials;
import fr.portailfamilles.platform.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/** Activation, password change and reset. Password rules: 12 characters or more, not a common password. */
@RestController
@RequestMapping("/api/auth")
public class CredentialsController {

    private final Credentials credentials;

    public CredentialsController(Credentials credentials) {
        this.credentials = credentials;
    }

    @Operation(summary = "Set the first password with the activation link's token (single use, expires)")
    @PostMapping("/activation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> activate(@Valid @RequestBody TokenAndPassword request) {
        return credentials.activate(request.token(), request.password());
    }

    @Operation(summary = "Change one's password (logged in)")
    @PutMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> change(@Valid @RequestBody PasswordChange request) {
        return CurrentUser.get().flatMap(user -> credentials.change(user.userId(), request.currentPassword(), request.newPassword()));
    }

    @Operation(summary = "Ask for a reset link by e-mail: always 202, whether the account exists or not")
    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Accepted> requestReset(@Valid @RequestBody ResetRequest request) {
        return credentials.requestReset(request.email()).thenReturn(Accepted.INSTANCE);
    }

    @Operation(summary = "Set a new password with the reset link's token (single use, expires)")
    @PostMapping("/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> confirmReset(@Valid @RequestBody TokenAndPassword request) {
        return credentials.confirmReset(request.token(), request.password());
    }

    public record TokenAndPassword(@NotBlank @Size(max = 100) String token, @NotBlank @Size(max = 256) String password) {
    }

    public record PasswordChange(@NotBlank @Size(max = 256) String currentPassword, @NotBlank @Size(max = 256) String newPassword) {
    }

    public record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    public record Accepted(String message) {
        static final Accepted INSTANCE = new Accepted(
                "Si un compte existe pour cette adresse, un e-mail avec un lien de réinitialisation vient d'être envoyé.");
    }
}

package fr.portailfamilles.account.request.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.account.request.application.AccountRequestForm;
import fr.portailfamilles.account.request.application.AccountRequests;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/account-requests")
public class AccountRequestController {

    private final AccountRequests accountRequests;

    public AccountRequestController(AccountRequests accountRequests) {
        this.accountRequests = accountRequests;
    }

    @Operation(summary = "Ask for an account (or its yearly actualisation); staff review it, no login needed")
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Accepted> submit(@Valid @RequestBody AccountRequestForm form) {
        return accountRequests.submit(form).map(Accepted::new);
    }

    public record Accepted(UUID id) {
    }
}

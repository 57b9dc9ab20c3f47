package fr.portailfamilles.account.request.application;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.portailfamilles.account.auth.domain.UserAccount;
import fr.portailfamilles.account.auth.domain.UserAccountRepository;
import fr.portailfamilles.account.request.domain.AccountRequest;
import fr.portailfamilles.account.request.domain.AccountRequestRepository;
import fr.portailfamilles.events.account.AccountRequestReceived;
import fr.portailfamilles.platform.outbox.Outbox;
import fr.portailfamilles.platform.web.ProblemException;
import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@Service
public class AccountRequests {

    private final AccountRequestRepository requests;
    private final UserAccountRepository accounts;
    private final Outbox outbox;
    private final JsonMapper jsonMapper;
    private final Clock clock;

    public AccountRequests(AccountRequestRepository requests, UserAccountRepository accounts, Outbox outbox, JsonMapper jsonMapper, Clock clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.outbox = outbox;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
    }

    /**
     * Stores the request and its event in one transaction: no event for a request that was not saved.
     * When the contact e-mail already has a family, the request is that family's yearly actualisation.
     */
    @Transactional
    public Mono<UUID> submit(AccountRequestForm form) {
        String email = form.contact().email().strip().toLowerCase();
        return requests.existsByContactEmailAndSchoolYearAndStatus(email, form.schoolYear(), "PENDING")
                .flatMap(pending -> pending ? Mono.error(alreadyPending(form.schoolYear())) : Mono.just(form))
                .flatMap(valid -> accounts.findByEmail(email).mapNotNull(UserAccount::familyId)
                        .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                .flatMap(existingFamily -> requests.save(AccountRequest.pending(email, form.family().name(), form.schoolYear(),
                        Json.of(jsonMapper.writeValueAsBytes(form)), existingFamily.orElse(null))))
                .onErrorMap(org.springframework.dao.DuplicateKeyException.class, duplicate -> alreadyPending(form.schoolYear()))
                .flatMap(saved -> outbox.append(new AccountRequestReceived(saved.id(), form.family().name(), email,
                                form.contact().firstName(), form.schoolYear(), clock.instant()))
                        .thenReturn(saved.id()));
    }

    private static ProblemException alreadyPending(String schoolYear) {
        return ProblemException.conflict("account-request-pending",
                "Une demande pour cette adresse e-mail et l'année scolaire " + schoolYear
                        + " est déjà en cours de traitement par le service Portail-familles. Vous recevrez un e-mail dès sa validation.");
    }
}

package fr.portailfamilles.account.request.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.portailfamilles.account.auth.application.OneTimeTokens;
import fr.portailfamilles.account.auth.domain.CredentialToken;
import fr.portailfamilles.account.auth.domain.Role;
import fr.portailfamilles.account.auth.domain.UserAccount;
import fr.portailfamilles.account.auth.domain.UserAccountRepository;
import fr.portailfamilles.account.family.application.Families;
import fr.portailfamilles.account.family.application.FamilyEvents;
import fr.portailfamilles.account.family.application.FamilyViews.Page;
import fr.portailfamilles.account.family.domain.Child;
import fr.portailfamilles.account.family.domain.FamilyConsentKind;
import fr.portailfamilles.account.request.domain.AccountRequest;
import fr.portailfamilles.account.request.domain.AccountRequestRepository;
import fr.portailfamilles.events.account.AccountRequestApproved;
import fr.portailfamilles.events.account.AccountRequestRejected;
import fr.portailfamilles.platform.outbox.Outbox;
import fr.portailfamilles.platform.web.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff validation queue. Approving creates the family, its parents' logins (pending activation)
 * and its children, and sends each parent a one-time activation link; approving an actualisation
 * updates the existing family instead. A request is decided once.
 */
@Service
public class AccountRequestReview {

    private final AccountRequestRepository requests;
    private final UserAccountRepository accounts;
    private final Families families;
    private final FamilyEvents familyEvents;
    private final OneTimeTokens oneTimeTokens;
    private final Outbox outbox;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final String portalUrl;
    private final Duration activationValidity;

    public AccountRequestReview(AccountRequestRepository requests, UserAccountRepository accounts, Families families,
            FamilyEvents familyEvents, OneTimeTokens oneTimeTokens, Outbox outbox, JsonMapper jsonMapper, Clock clock,
            @Value("${portail.portal-url}") String portalUrl,
            @Value("${portail.links.activation-validity:72h}") Duration activationValidity) {
        this.requests = requests;
        this.accounts = accounts;
        this.families = families;
        this.familyEvents = familyEvents;
        this.oneTimeTokens = oneTimeTokens;
        this.outbox = outbox;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
        this.portalUrl = portalUrl;
        this.activationValidity = activationValidity;
    }

    public Mono<Page<RequestSummary>> list(String status, int page, int size) {
        String filter = status == null ? "" : status;
        return Mono.zip(requests.page(filter, size, (long) page * size).map(AccountRequestReview::summary).collectList(),
                        requests.countByStatusOrAll(filter))
                .map(t -> new Page<>(t.getT1(), page, size, t.getT2()));
    }

    public Mono<RequestDetail> detail(UUID id) {
        return requests.findById(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Demande")))
                .map(r -> new RequestDetail(summary(r), jsonMapper.readTree(r.content().asString()), r.familyId(),
                        r.decidedAt(), r.decidedBy(), r.rejectionReason()));
    }

    @Transactional
    public Mono<RequestDetail> approve(UUID id, UUID staffId) {
        Instant now = clock.instant();
        return decide(id, AccountRequest.APPROVED, staffId, null, now)
                .flatMap(request -> {
                    AccountRequestForm form = jsonMapper.readValue(request.content().asString(), AccountRequestForm.class);
                    Mono<UUID> family = request.actualisationOf() != null
                            ? actualise(request, form, now)
                            : register(request, form, now);
                    return family.flatMap(familyId -> requests.linkFamily(id, familyId));
                })
                .then(detail(id));
    }

    @Transactional
    public Mono<RequestDetail> reject(UUID id, UUID staffId, String reason) {
        Instant now = clock.instant();
        return decide(id, AccountRequest.REJECTED, staffId, reason.strip(), now)
                .flatMap(request -> {
                    AccountRequestForm form = jsonMapper.readValue(request.content().asString(), AccountRequestForm.class);
                    return outbox.append(new AccountRequestRejected(request.id(), request.contactEmail(),
                            form.contact().firstName(), reason.strip(), now));
                })
                .then(detail(id));
    }

    private Mono<AccountRequest> decide(UUID id, String status, UUID staffId, String reason, Instant now) {
        return requests.findById(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Demande")))
                .flatMap(request -> requests.decide(id, status, now, staffId, reason)
                        .flatMap(updated -> updated == 1 ? Mono.just(request) : Mono.error(alreadyDecided())));
    }

    private Mono<UUID> register(AccountRequest request, AccountRequestForm form, Instant now) {
        AccountRequestForm.Family f = form.family();
        return families.create(null, f.name().strip(), f.address().strip(), f.postalCode(), f.town().strip())
                .flatMap(family -> Flux.range(0, form.parents().size())
                        .concatMap(index -> addParent(request, family.id(), form.parents().get(index), index, now))
                        .collectList()
                        .flatMap(logins -> Flux.fromIterable(form.children())
                                .concatMap(child -> families.addChild(family.id(), null, child.firstName().strip(),
                                        child.lastName().strip(), child.birthDate(), child.school()))
                                .then(families.recordConsent(family.id(), null, FamilyConsentKind.DATA_PROCESSING.name(),
                                        form.dataProcessingConsent(), logins.get(0).id())))
                        .then(familyEvents.registered(family.id()))
                        .thenReturn(family.id()));
    }

    private Mono<UserAccount> addParent(AccountRequest request, UUID familyId, AccountRequestForm.Parent parent, int position,
            Instant now) {
        String email = parent.email().strip().toLowerCase(Locale.ROOT);
        return accounts.findByEmail(email)
                .flatMap(existing -> Mono.<UserAccount>error(ProblemException.conflict("email-already-used",
                        "L'adresse " + email + " a déjà un compte sur le portail. Rattachez la demande à ce compte ou "
                                + "demandez à la famille une autre adresse.")))
                .switchIfEmpty(Mono.defer(() -> accounts.save(UserAccount.pendingActivation(email, List.of(Role.PARENT),
                        familyId, parent.firstName().strip() + " " + parent.lastName().strip()))))
                .flatMap(login -> families.addParent(familyId, login, parent.firstName().strip(), parent.lastName().strip(),
                                parent.phone(), position)
                        .then(oneTimeTokens.issue(login.id(), CredentialToken.ACTIVATION, activationValidity))
                        .flatMap(issued -> outbox.append(new AccountRequestApproved(request.id(), familyId, email,
                                parent.firstName().strip(), portalUrl + "/activation.html?token=" + issued.token(),
                                issued.expiresAt(), now)))
                        .thenReturn(login));
    }

    /** The yearly actualisation: new address, children not yet known are added; the account stays as it is. */
    private Mono<UUID> actualise(AccountRequest request, AccountRequestForm form, Instant now) {
        UUID familyId = request.actualisationOf();
        AccountRequestForm.Family f = form.family();
        return families.find(familyId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Famille")))
                .flatMap(family -> families.save(family.withDetails(f.address().strip(), f.postalCode(), f.town().strip(),
                        family.situation(), family.cafNumber(), now)))
                .then(families.childrenOf(familyId).collectList())
                .flatMap(known -> Flux.fromIterable(form.children())
                        .filter(child -> known.stream().noneMatch(k -> same(k, child)))
                        .concatMap(child -> families.addChild(familyId, null, child.firstName().strip(),
                                child.lastName().strip(), child.birthDate(), child.school()))
                        .then())
                .then(familyEvents.updated(familyId))
                .then(outbox.append(new AccountRequestApproved(request.id(), familyId, request.contactEmail(),
                        form.contact().firstName(), portalUrl + "/connexion.html", now, now)))
                .thenReturn(familyId);
    }

    private static boolean same(Child known, AccountRequestForm.Child asked) {
        return known.birthDate().equals(asked.birthDate()) && known.firstName().equalsIgnoreCase(asked.firstName().strip());
    }

    private static ProblemException alreadyDecided() {
        return ProblemException.conflict("account-request-decided", "Cette demande a déjà été traitée.");
    }

    private static RequestSummary summary(AccountRequest r) {
        return new RequestSummary(r.id(), r.familyName(), r.contactEmail(), r.schoolYear(), r.status(), r.receivedAt(),
                r.actualisationOf() != null);
    }

    public record RequestSummary(UUID id, String familyName, String contactEmail, String schoolYear, String status,
            Instant receivedAt, boolean actualisation) {
    }

    public record RequestDetail(RequestSummary request, JsonNode form, UUID familyId, Instant decidedAt, UUID decidedBy,
            String rejectionReason) {
    }
}

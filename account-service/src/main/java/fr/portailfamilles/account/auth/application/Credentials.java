package fr.portailfamilles.account.auth.application;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.portailfamilles.account.auth.domain.AccountStatus;
import fr.portailfamilles.account.auth.domain.CredentialToken;
import fr.portailfamilles.account.auth.domain.UserAccount;
import fr.portailfamilles.account.auth.domain.UserAccountRepository;
import fr.portailfamilles.account.family.application.FamilyEvents;
import fr.portailfamilles.events.account.PasswordChanged;
import fr.portailfamilles.events.account.PasswordResetRequested;
import fr.portailfamilles.platform.outbox.Outbox;
import fr.portailfamilles.platform.web.ProblemException;
import reactor.core.publisher.Mono;

/** Setting a password: activation link, change while logged in, reset by e-mail link. */
@Service
public class Credentials {

    private final UserAccountRepository accounts;
    private final OneTimeTokens oneTimeTokens;
    private final PasswordPolicy policy;
    private final PasswordHashing hashing;
    private final RefreshTokens refreshTokens;
    private final FamilyEvents familyEvents;
    private final Outbox outbox;
    private final Clock clock;
    private final String portalUrl;
    private final Duration resetValidity;

    public Credentials(UserAccountRepository accounts, OneTimeTokens oneTimeTokens, PasswordPolicy policy,
            PasswordHashing hashing, RefreshTokens refreshTokens, FamilyEvents familyEvents, Outbox outbox, Clock clock,
            @Value("${portail.portal-url}") String portalUrl,
            @Value("${portail.links.reset-validity:1h}") Duration resetValidity) {
        this.accounts = accounts;
        this.oneTimeTokens = oneTimeTokens;
        this.policy = policy;
        this.hashing = hashing;
        this.refreshTokens = refreshTokens;
        this.familyEvents = familyEvents;
        this.outbox = outbox;
        this.clock = clock;
        this.portalUrl = portalUrl;
        this.resetValidity = resetValidity;
    }

    /** The activation link's token sets the first password; the account becomes active. */
    @Transactional
    public Mono<Void> activate(String token, String password) {
        return oneTimeTokens.consume(token, CredentialToken.ACTIVATION)
                .flatMap(accounts::findById)
                .flatMap(account -> setPassword(account, password))
                .flatMap(account -> account.familyId() == null ? Mono.empty() : familyEvents.updated(account.familyId()));
    }

    @Transactional
    public Mono<Void> confirmReset(String token, String password) {
        return oneTimeTokens.consume(token, CredentialToken.RESET)
                .flatMap(accounts::findById)
                .flatMap(account -> setPassword(account, password))
                .then();
    }

    @Transactional
    public Mono<Void> change(UUID userId, String currentPassword, String newPassword) {
        return accounts.findById(userId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Compte")))
                .flatMap(account -> hashing.matches(currentPassword, account.passwordHash())
                        .flatMap(matches -> matches ? Mono.just(account) : Mono.empty()))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.FORBIDDEN, "wrong-current-password",
                        "Mot de passe actuel incorrect", "Le mot de passe actuel saisi est incorrect.")))
                .flatMap(account -> setPassword(account, newPassword))
                .then();
    }

    /** Sends a reset link if the account exists and is not disabled; says nothing either way. */
    @Transactional
    public Mono<Void> requestReset(String email) {
        return accounts.findByEmail(email.strip())
                .filter(account -> account.status() != AccountStatus.DISABLED)
                .flatMap(account -> oneTimeTokens.issue(account.id(), CredentialToken.RESET, resetValidity)
                        .flatMap(issued -> outbox.append(new PasswordResetRequested(account.id(), account.email(),
                                firstName(account), portalUrl + "/reinitialisation.html?token=" + issued.token(),
                                issued.expiresAt(), clock.instant()))))
                .then();
    }

    private Mono<UserAccount> setPassword(UserAccount account, String password) {
        policy.check(password, account.email());
        if (account.status() == AccountStatus.DISABLED) {
            return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "account-disabled", "Compte désactivé",
                    "Ce compte est désactivé. Contactez le service Portail-familles."));
        }
        // Every session ends: whoever knew the old password may have opened one.
        return hashing.encode(password)
                .flatMap(hash -> accounts.save(account.withPassword(hash)))
                .flatMap(saved -> refreshTokens.revokeAllOf(saved.id()).thenReturn(saved))
                .flatMap(saved -> outbox.append(new PasswordChanged(saved.id(), saved.email(), firstName(saved), clock.instant()))
                        .thenReturn(saved));
    }

    private static String firstName(UserAccount account) {
        String name = account.displayName().strip();
        int space = name.indexOf(' ');
        return space > 0 ? name.substring(0, space) : name;
    }
}

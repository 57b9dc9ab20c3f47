package fr.portailfamilles.account.staff.application;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.portailfamilles.account.auth.application.Credentials;
import fr.portailfamilles.account.auth.domain.AccountStatus;
import fr.portailfamilles.account.auth.domain.Role;
import fr.portailfamilles.account.auth.domain.UserAccount;
import fr.portailfamilles.account.auth.domain.UserAccountRepository;
import fr.portailfamilles.platform.web.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Administrators create staff accounts and disable them. A new account has no usable password: the
 * agent receives the portal's « modifier votre mot de passe » link and chooses one under the same
 * password rules as everyone (PasswordPolicy), which activates the account.
 */
@Service
public class StaffAccounts {

    private final UserAccountRepository accounts;
    private final Credentials credentials;

    public StaffAccounts(UserAccountRepository accounts, Credentials credentials) {
        this.accounts = accounts;
        this.credentials = credentials;
    }

    public Flux<UserAccount> list() {
        return accounts.findStaff();
    }

    @Transactional
    public Mono<UserAccount> create(String email, String displayName, boolean admin) {
        List<Role> roles = admin ? List.of(Role.STAFF, Role.ADMIN) : List.of(Role.STAFF);
        return accounts.findByEmail(email.strip())
                .flatMap(taken -> Mono.<UserAccount>error(ProblemException.conflict("email-taken",
                        "Un compte existe déjà avec cette adresse électronique.")))
                .switchIfEmpty(Mono.defer(() -> accounts.save(UserAccount.pendingActivation(email.strip(), roles, null,
                        displayName.strip())).flatMap(saved -> accounts.findById(saved.id()))))
                .flatMap(created -> credentials.requestReset(created.email()).thenReturn(created));
    }

    /** Login refused from now on; an administrator cannot disable their own account. */
    public Mono<UserAccount> disable(UUID id, UUID by) {
        if (id.equals(by)) {
            return Mono.error(ProblemException.conflict("cannot-disable-self", "Vous ne pouvez pas désactiver votre propre compte."));
        }
        return accounts.findById(id)
                .filter(account -> account.roles().contains(Role.STAFF.name()) || account.roles().contains(Role.ADMIN.name()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Agent")))
                .flatMap(account -> accounts.save(new UserAccount(account.id(), account.email(), account.passwordHash(),
                        account.roles(), account.familyId(), account.displayName(), AccountStatus.DISABLED, account.createdAt())));
    }
}

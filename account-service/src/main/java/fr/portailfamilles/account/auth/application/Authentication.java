package fr.portailfamilles.account.auth.application;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.account.auth.domain.UserAccount;
import fr.portailfamilles.account.auth.domain.UserAccountRepository;
import fr.portailfamilles.platform.web.ProblemException;
import reactor.core.publisher.Mono;

/**
 * Checks credentials and opens web sessions. Hashing is slow on purpose: it runs on {@link PasswordHashing}'s
 * bounded pool, never on the event loop and never inside a database transaction.
 */
@Service
public class Authentication {

    private final UserAccountRepository accounts;
    private final PasswordHashing hashing;
    private final TokenIssuer tokens;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final TransactionalOperator transactions;
    /** Compared against when the e-mail is unknown, so both answers take as long. */
    private final String unknownUserHash;

    public Authentication(UserAccountRepository accounts, PasswordHashing hashing, TokenIssuer tokens,
            RefreshTokens refreshTokens, LoginThrottle throttle, ReactiveTransactionManager transactionManager) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.transactions = TransactionalOperator.create(transactionManager);
        this.unknownUserHash = hashing.encode("not-a-real-password-" + System.nanoTime()).block();
    }

    /** {@code clientAddress} may be null when unknown; throttling then counts per account only. */
    public Mono<Session> login(String email, String password, String clientAddress) {
        String normalized = email.strip();
        return throttle.check(normalized, clientAddress)
                .then(accounts.findByEmail(normalized)
                        .map(account -> new Candidate(account, account.passwordHash()))
                        .defaultIfEmpty(new Candidate(null, unknownUserHash)))
                .flatMap(candidate -> hashing.matches(password, candidate.hash())
                        .flatMap(matches -> matches ? Mono.just(candidate) : Mono.empty()))
                .filter(candidate -> candidate.account() != null && candidate.account().canLogIn())
                .flatMap(candidate -> rehashIfOutdated(candidate.account(), password))
                .flatMap(account -> open(account, normalized))
                .switchIfEmpty(Mono.defer(() -> throttle.failed(normalized, clientAddress)
                        .then(Mono.error(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-credentials",
                                "Connexion impossible", "E-mail ou mot de passe incorrect.")))));
    }

    /** A new access token and the next refresh token of the session; 401 {@code session-expired} otherwise. */
    public Mono<Session> refresh(String refreshSecret) {
        return refreshTokens.rotate(refreshSecret)
                .flatMap(next -> accounts.findById(next.token().userId())
                        .filter(UserAccount::canLogIn)
                        .map(account -> new Opened(account, next))
                        .switchIfEmpty(Mono.defer(() -> refreshTokens.revokeSession(next.token()).then(Mono.empty()))))
                .as(transactions::transactional)
                .flatMap(opened -> tokens.issue(opened.account()).map(access -> new Session(access, opened.refresh())))
                .switchIfEmpty(Mono.error(RefreshTokens::ended));
    }

    /** Logout: the session of this refresh token ends, whichever of its tokens is presented. */
    public Mono<Void> logout(String refreshSecret) {
        return refreshSecret == null ? Mono.empty() : refreshTokens.revoke(refreshSecret);
    }

    /** The login's writes in one transaction: failures forgotten, hash upgraded, session opened. */
    private Mono<Session> open(Rehashed account, String email) {
        Mono<Void> upgrade = account.newHash() == null ? Mono.empty()
                : accounts.rehash(account.account().id(), account.account().passwordHash(), account.newHash()).then();
        return throttle.succeeded(email)
                .then(upgrade)
                .then(refreshTokens.open(account.account().id()))
                .as(transactions::transactional)
                .flatMap(refresh -> tokens.issue(account.account()).map(access -> new Session(access, refresh)));
    }

    /** A hash made with older settings (bcrypt 12) is made again now that the password is known. */
    private Mono<Rehashed> rehashIfOutdated(UserAccount account, String password) {
        return hashing.needsRehash(account.passwordHash())
                ? hashing.encode(password).map(hash -> new Rehashed(account, hash))
                : Mono.just(new Rehashed(account, null));
    }

    public record Session(TokenIssuer.IssuedToken access, RefreshTokens.Issued refresh) {
    }

    private record Candidate(UserAccount account, String hash) {
    }

    private record Rehashed(UserAccount account, String newHash) {
    }

    private record Opened(UserAccount account, RefreshTokens.Issued refresh) {
    }
}

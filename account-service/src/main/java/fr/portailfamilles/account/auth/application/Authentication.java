package fr.portailfamilles.account.auth.application;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import fr.portailfamilles.account.auth.domain.UserAccount;
import fr.portailfamilles.account.auth.domain.UserAccountRepository;
import fr.portailfamilles.platform.web.ProblemException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Checks credentials. Hashing is slow on purpose, so it runs off the event loop. */
@Service
public class Authentication {

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final TokenIssuer tokens;
    private final LoginThrottle throttle;
    /** Compared against when the e-mail is unknown, so both answers take as long. */
    private final String unknownUserHash;

    public Authentication(UserAccountRepository accounts, PasswordEncoder passwordEncoder, TokenIssuer tokens,
            LoginThrottle throttle) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.throttle = throttle;
        this.unknownUserHash = passwordEncoder.encode("not-a-real-password-" + System.nanoTime());
    }

    /** {@code clientAddress} may be null when unknown; throttling then counts per account only. */
    public Mono<TokenIssuer.IssuedToken> login(String email, String password, String clientAddress) {
        String normalized = email.strip();
        return throttle.check(normalized, clientAddress)
                .then(accounts.findByEmail(normalized)
                        .map(account -> new Candidate(account, account.passwordHash()))
                        .defaultIfEmpty(new Candidate(null, unknownUserHash)))
                .publishOn(Schedulers.boundedElastic())
                .filter(candidate -> passwordEncoder.matches(password, candidate.hash()) && candidate.account() != null
                        && candidate.account().canLogIn())
                .flatMap(candidate -> throttle.succeeded(normalized).then(tokens.issue(candidate.account())))
                .switchIfEmpty(Mono.defer(() -> throttle.failed(normalized, clientAddress)
                        .then(Mono.error(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-credentials",
                                "Connexion impossible", "E-mail ou mot de passe incorrect.")))));
    }

    private record Candidate(UserAccount account, String hash) {
    }
}

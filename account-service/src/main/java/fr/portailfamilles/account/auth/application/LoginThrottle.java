package fr.portailfamilles.account.auth.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import fr.portailfamilles.account.auth.domain.LoginFailure;
import fr.portailfamilles.account.auth.domain.LoginFailureRepository;
import reactor.core.publisher.Mono;

/**
 * Slows down password guessing: after too many failures within the window, for one account or from
 * one address, logins are refused until the oldest failure leaves the window. Nothing is ever locked
 * for good, and a successful login clears the account's count. Kept in PostgreSQL so every instance
 * counts the same failures.
 */
@Component
public class LoginThrottle {

    private final LoginFailureRepository failures;
    private final Clock clock;
    private final Duration window;
    private final int perAccount;
    private final int perAddress;

    public LoginThrottle(LoginFailureRepository failures, Clock clock,
            @Value("${portail.login-throttle.window:15m}") Duration window,
            @Value("${portail.login-throttle.per-account:5}") int perAccount,
            @Value("${portail.login-throttle.per-address:20}") int perAddress) {
        this.failures = failures;
        this.clock = clock;
        this.window = window;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
    }

    /** Completes empty when a login may be tried, else errors with {@link LoginThrottled}. */
    public Mono<Void> check(String email, String address) {
        Instant since = Instant.now(clock).minus(window);
        return limit(account(email), perAccount, since)
                .then(address == null ? Mono.empty() : limit(address(address), perAddress, since));
    }

    public Mono<Void> failed(String email, String address) {
        Instant now = Instant.now(clock);
        Mono<Void> byAccount = failures.save(LoginFailure.of(account(email), now)).then();
        Mono<Void> byAddress = address == null ? Mono.empty() : failures.save(LoginFailure.of(address(address), now)).then();
        return byAccount.then(byAddress).then(failures.purgeBefore(now.minus(window).minus(window)).then());
    }

    public Mono<Void> succeeded(String email) {
        return failures.forget(account(email)).then();
    }

    private Mono<Void> limit(String subject, int max, Instant since) {
        return failures.countSince(subject, since).flatMap(count -> count < max ? Mono.<Void>empty()
                : failures.oldestSince(subject, since).flatMap(oldest -> {
                    Duration wait = Duration.between(Instant.now(clock), oldest.failedAt().plus(window));
                    return Mono.error(new LoginThrottled(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait));
                }));
    }

    private static String account(String email) {
        return "account:" + email.strip().toLowerCase(Locale.ROOT);
    }

    private static String address(String address) {
        return "address:" + address;
    }
}

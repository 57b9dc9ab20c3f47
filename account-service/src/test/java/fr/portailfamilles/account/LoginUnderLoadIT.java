package fr.portailfamilles.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.account.auth.application.PasswordHashing;
import fr.portailfamilles.account.auth.domain.Role;
import fr.portailfamilles.account.auth.domain.UserAccount;
import fr.portailfamilles.account.auth.domain.UserAccountRepository;
import fr.portailfamilles.testsupport.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.Disposable;

/** A full hashing queue: logins are refused at once with 429 and Retry-After, and none is counted as a failure. */
@IntegrationTest
@TestPropertySource(properties = { "portail.password-hashing.threads=1", "portail.password-hashing.queue=1" })
class LoginUnderLoadIT {

    static final String PASSWORD = "Connexion pendant la cohue";

    @Autowired
    WebTestClient web;

    @Autowired
    PasswordHashing hashing;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    DatabaseClient database;

    @Autowired
    MeterRegistry meters;

    @Test
    void whenTheHashingQueueIsFullThenALoginIsRefusedAtOnceWith429AndRetryAfter() throws Exception {
        String email = "agent-" + UUID.randomUUID() + "@portail-familles.fr";
        accounts.save(UserAccount.create(email, passwordEncoder.encode(PASSWORD), List.of(Role.STAFF), null, "Agent Test")).block();
        double refusedBefore = meters.counter("portail.password.hashing.refused").count();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // The one hashing thread is busy and the one queue place taken.
        Disposable busy = hashing.submit(() -> {
            started.countDown();
            return release.await(30, TimeUnit.SECONDS);
        }).subscribe();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Disposable queued = hashing.submit(() -> true).subscribe();
        try {
            // The hashing thread is held until after the answer: a 429 here never waited for a hash.
            login(email).expectStatus().isEqualTo(429)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2")
                    .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/login-busy")
                    .jsonPath("$.retryAfterSeconds").isEqualTo(2);
        }
        finally {
            release.countDown();
            busy.dispose();
            queued.dispose();
        }
        assertThat(database.sql("SELECT count(*) FROM login_failure WHERE subject = :s").bind("s", "account:" + email)
                .map(row -> row.get(0, Long.class)).one().block()).as("a refusal for load is not a failed login").isZero();
        assertThat(meters.counter("portail.password.hashing.refused").count()).isEqualTo(refusedBefore + 1);
        login(email).expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec login(String email) {
        return web.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", AccountFlows.someAddress())
                .bodyValue(Map.of("email", email, "password", PASSWORD)).exchange();
    }
}

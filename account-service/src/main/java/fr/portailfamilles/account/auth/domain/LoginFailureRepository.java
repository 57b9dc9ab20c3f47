package fr.portailfamilles.account.auth.domain;

import java.time.Instant;

import org.springframework.data.r2dbc.repository.Modifying;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Mono;

/** Failed logins kept in PostgreSQL so every instance counts the same attempts. */
public interface LoginFailureRepository extends ReactiveCrudRepository<LoginFailure, Long> {

    @Query("SELECT count(*) FROM login_failure WHERE subject = :subject AND failed_at > :since")
    Mono<Long> countSince(String subject, Instant since);

    @Query("SELECT * FROM login_failure WHERE subject = :subject AND failed_at > :since ORDER BY failed_at LIMIT 1")
    Mono<LoginFailure> oldestSince(String subject, Instant since);

    @Modifying
    @Query("DELETE FROM login_failure WHERE subject = :subject")
    Mono<Integer> forget(String subject);

    @Modifying
    @Query("DELETE FROM login_failure WHERE failed_at < :before")
    Mono<Integer> purgeBefore(Instant before);
}

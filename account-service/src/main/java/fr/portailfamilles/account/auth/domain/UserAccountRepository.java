package fr.portailfamilles.account.auth.domain;

import java.util.UUID;

import org.springframework.data.r2dbc.repository.Modifying;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface UserAccountRepository extends ReactiveCrudRepository<UserAccount, UUID> {

    /** The cast keeps the comparison citext (case-insensitive), as people type addresses as they like. */
    @Query("SELECT * FROM user_account WHERE email = CAST(:email AS citext)")
    Mono<UserAccount> findByEmail(String email);

    Flux<UserAccount> findByFamilyId(UUID familyId);

    /** Staff and administrators, by name. */
    @Query("SELECT * FROM user_account WHERE roles && ARRAY['STAFF', 'ADMIN']::text[] ORDER BY display_name, email")
    Flux<UserAccount> findStaff();

    /** Replaces a hash made with older settings, unless the password changed meanwhile. */
    @Modifying
    @Query("UPDATE user_account SET password_hash = :newHash WHERE id = :id AND password_hash = :oldHash")
    Mono<Integer> rehash(UUID id, String oldHash, String newHash);
}

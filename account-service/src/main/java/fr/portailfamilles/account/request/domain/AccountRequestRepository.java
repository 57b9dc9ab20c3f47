package fr.portailfamilles.account.request.domain;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.r2dbc.repository.Modifying;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface AccountRequestRepository extends ReactiveCrudRepository<AccountRequest, UUID> {

    Mono<Boolean> existsByContactEmailAndSchoolYearAndStatus(String contactEmail, String schoolYear, String status);

    Mono<Boolean> existsByContactEmail(String contactEmail);

    @Query("SELECT * FROM account_request WHERE (:status = '' OR status = :status) ORDER BY received_at, id LIMIT :limit OFFSET :offset")
    Flux<AccountRequest> page(String status, int limit, long offset);

    @Query("SELECT count(*) FROM account_request WHERE (:status = '' OR status = :status)")
    Mono<Long> countByStatusOrAll(String status);

    /** Decides a pending request; 0 when it was already decided (by someone else, possibly at the same time). */
    @Modifying
    @Query("""
            UPDATE account_request SET status = :status, decided_at = :at, decided_by = :by, rejection_reason = :reason
            WHERE id = :id AND status = 'PENDING'""")
    Mono<Integer> decide(UUID id, String status, Instant at, UUID by, String reason);

    @Modifying
    @Query("UPDATE account_request SET family_id = :familyId WHERE id = :id")
    Mono<Integer> linkFamily(UUID id, UUID familyId);
}

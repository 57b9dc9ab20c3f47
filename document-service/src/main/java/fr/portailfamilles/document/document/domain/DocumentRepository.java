package fr.portailfamilles.document.document.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface DocumentRepository extends ReactiveCrudRepository<Document, UUID> {

    Mono<Document> findByIdAndFamilyId(UUID id, UUID familyId);

    Flux<Document> findByFamilyIdOrderBySubmittedAtDesc(UUID familyId);

    @Query("SELECT * FROM document WHERE status = :status ORDER BY submitted_at, id LIMIT :limit OFFSET :offset")
    Flux<Document> findQueue(String status, int limit, long offset);

    /** Bytes the family keeps stored, every document counted. */
    @Query("SELECT coalesce(sum(size_bytes), 0) FROM document WHERE family_id = :familyId")
    Mono<Long> storedBytes(UUID familyId);

    /**
     * Serialises one family's uploads until the end of the transaction (an advisory lock on its id): two
     * parallel uploads cannot both fit under the quota on the same remaining space.
     */
    @Query("SELECT true FROM pg_advisory_xact_lock(hashtextextended(CAST(:familyId AS text), 14))")
    Mono<Boolean> lockFamily(UUID familyId);

    @Query("SELECT count(*) FROM document WHERE status = :status")
    Mono<Long> countByStatus(String status);

    /** Accepted documents ending in the window, not yet announced, and not already replaced by a longer-valid one. */
    @Query("""
            SELECT * FROM document d WHERE d.status = 'ACCEPTED' AND d.expiry_notified_at IS NULL
              AND d.valid_until BETWEEN :from AND :until
              AND NOT EXISTS (SELECT 1 FROM document newer WHERE newer.family_id = d.family_id
                AND newer.type_code = d.type_code AND newer.child_id IS NOT DISTINCT FROM d.child_id
                AND newer.status = 'ACCEPTED' AND (newer.valid_until IS NULL OR newer.valid_until > d.valid_until))
            ORDER BY d.valid_until""")
    Flux<Document> findExpiringBetween(LocalDate from, LocalDate until);
}

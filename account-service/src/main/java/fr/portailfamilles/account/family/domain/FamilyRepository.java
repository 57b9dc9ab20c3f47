package fr.portailfamilles.account.family.domain;

import java.util.UUID;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface FamilyRepository extends ReactiveCrudRepository<Family, UUID> {

    /** Staff search by family name, town, postal code or a parent's e-mail; {@code :q} is already lowercased. */
    @Query("""
            SELECT f.* FROM family f
            WHERE :q = '' OR lower(f.name) LIKE '%' || :q || '%' OR lower(f.town) LIKE '%' || :q || '%' OR f.postal_code = :q
               OR EXISTS (SELECT 1 FROM family_parent p WHERE p.family_id = f.id AND lower(p.email::text) LIKE '%' || :q || '%')
            ORDER BY f.name, f.id LIMIT :limit OFFSET :offset""")
    Flux<Family> search(String q, int limit, long offset);

    @Query("""
            SELECT count(*) FROM family f
            WHERE :q = '' OR lower(f.name) LIKE '%' || :q || '%' OR lower(f.town) LIKE '%' || :q || '%' OR f.postal_code = :q
               OR EXISTS (SELECT 1 FROM family_parent p WHERE p.family_id = f.id AND lower(p.email::text) LIKE '%' || :q || '%')""")
    Mono<Long> countSearch(String q);
}

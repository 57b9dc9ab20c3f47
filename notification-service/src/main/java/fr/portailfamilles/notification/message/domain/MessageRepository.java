package fr.portailfamilles.notification.message.domain;

import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface MessageRepository extends ReactiveCrudRepository<Message, UUID> {

    Flux<Message> findByFamilyIdOrderByCreatedAtDescIdDesc(UUID familyId, Pageable page);

    Mono<Long> countByFamilyId(UUID familyId);

    Mono<Long> countByFamilyIdAndReadAtIsNull(UUID familyId);

    Mono<Message> findByIdAndFamilyId(UUID id, UUID familyId);
}

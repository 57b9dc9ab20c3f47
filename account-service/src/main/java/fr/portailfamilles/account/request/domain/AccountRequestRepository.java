package fr.portailfamilles.account.request.domain;

import java.util.UUID;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Mono;

public interface AccountRequestRepository extends ReactiveCrudRepository<AccountRequest, UUID> {

    Mono<Boolean> existsByContactEmailAndSchoolYearAndStatus(String contactEmail, String schoolYear, String status);
}

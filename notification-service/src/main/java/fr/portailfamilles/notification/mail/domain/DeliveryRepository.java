package fr.portailfamilles.notification.mail.domain;

import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Flux;

public interface DeliveryRepository extends ReactiveCrudRepository<Delivery, UUID> {

    Flux<Delivery> findByStatusOrderByCreatedAtDesc(String status, Pageable page);

    Flux<Delivery> findAllByOrderByCreatedAtDesc(Pageable page);
}

package fr.portailfamilles.notification.mail.domain;

import java.util.UUID;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

public interface MailDeliveryRepository extends ReactiveCrudRepository<MailDelivery, UUID> {
}

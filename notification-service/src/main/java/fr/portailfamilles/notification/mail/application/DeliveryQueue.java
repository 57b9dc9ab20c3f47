package fr.portailfamilles.notification.mail.application;

import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.portailfamilles.notification.mail.application.MailRenderer.RenderedMail;
import fr.portailfamilles.notification.mail.domain.Delivery;
import fr.portailfamilles.notification.mail.domain.DeliveryRepository;
import fr.portailfamilles.notification.mail.domain.MailPriority;
import fr.portailfamilles.platform.web.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The e-mails waiting to be sent and the delivery log staff read. */
@Service
public class DeliveryQueue {

    private final DatabaseClient database;
    private final DeliveryRepository deliveries;

    public DeliveryQueue(DatabaseClient database, DeliveryRepository deliveries) {
        this.database = database;
        this.deliveries = deliveries;
    }

    /**
     * Queues one e-mail in the caller's transaction. The same (event, recipient, template) is queued once
     * at most, so a redelivered event never yields a second e-mail. The priority decides which queued
     * e-mails the sender takes first.
     */
    public Mono<Void> add(String eventId, UUID familyId, String recipient, String template, MailPriority priority,
            RenderedMail mail) {
        var spec = database.sql("""
                        INSERT INTO delivery (event_id, family_id, recipient, template, subject, body_text, body_html, status, priority)
                        VALUES (:eventId, :familyId, :recipient, :template, :subject, :text, :html, 'QUEUED', :priority)
                        ON CONFLICT (event_id, recipient, template) DO NOTHING""")
                .bind("eventId", eventId)
                .bind("priority", (short) priority.code())
                .bind("recipient", recipient)
                .bind("template", template)
                .bind("subject", mail.subject())
                .bind("text", mail.text())
                .bind("html", mail.html());
        spec = familyId == null ? spec.bindNull("familyId", UUID.class) : spec.bind("familyId", familyId);
        return spec.then();
    }

    /** Newest first; every status when {@code status} is null. */
    public Flux<Delivery> log(String status, int limit) {
        PageRequest page = PageRequest.of(0, limit);
        return status == null ? deliveries.findAllByOrderByCreatedAtDesc(page)
                : deliveries.findByStatusOrderByCreatedAtDesc(status, page);
    }

    /** Queues the e-mail again, attempts reset: the sender picks it up at once. */
    @Transactional
    public Mono<Delivery> find(UUID id) {
        return deliveries.findById(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Envoi")));
    }

    public Mono<Delivery> resend(UUID id) {
        return database.sql("""
                        UPDATE delivery SET status = 'QUEUED', attempts = 0, next_attempt_at = now(), last_error = NULL
                        WHERE id = :id""")
                .bind("id", id)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 0 ? Mono.error(ProblemException.notFound("Envoi"))
                        : deliveries.findById(id));
    }
}

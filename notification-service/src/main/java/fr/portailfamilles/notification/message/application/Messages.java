package fr.portailfamilles.notification.message.application;

import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.portailfamilles.notification.mail.application.MailRenderer.RenderedMail;
import fr.portailfamilles.notification.message.domain.Message;
import fr.portailfamilles.notification.message.domain.MessageRepository;
import fr.portailfamilles.platform.web.ProblemException;
import reactor.core.publisher.Mono;

/** The messages a family reads in the portal: what was e-mailed to it. */
@Service
public class Messages {

    private final DatabaseClient database;
    private final MessageRepository messages;

    public Messages(DatabaseClient database, MessageRepository messages) {
        this.database = database;
        this.messages = messages;
    }

    /** In the caller's transaction; once per (event, template, family). */
    public Mono<Void> keep(UUID familyId, String eventId, String template, RenderedMail mail) {
        return database.sql("""
                        INSERT INTO message (family_id, event_id, template, subject, body)
                        VALUES (:familyId, :eventId, :template, :subject, :body)
                        ON CONFLICT (event_id, template, family_id) DO NOTHING""")
                .bind("familyId", familyId)
                .bind("eventId", eventId)
                .bind("template", template)
                .bind("subject", mail.subject())
                .bind("body", mail.text())
                .then();
    }

    public Mono<MessagePage> page(UUID familyId, int page, int size) {
        return Mono.zip(messages.findByFamilyIdOrderByCreatedAtDescIdDesc(familyId, PageRequest.of(page, size)).collectList(),
                        messages.countByFamilyId(familyId), messages.countByFamilyIdAndReadAtIsNull(familyId))
                .map(result -> new MessagePage(result.getT1(), page, size, result.getT2(), result.getT3()));
    }

    /** Another family's message is simply not found. */
    @Transactional
    public Mono<Message> markRead(UUID familyId, UUID id) {
        return messages.findByIdAndFamilyId(id, familyId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Message")))
                .flatMap(message -> message.readAt() != null ? Mono.just(message)
                        : database.sql("UPDATE message SET read_at = now() WHERE id = :id AND read_at IS NULL").bind("id", id).then()
                                .then(messages.findById(id)));
    }

    public record MessagePage(java.util.List<Message> items, int page, int size, long total, long unread) {
    }
}

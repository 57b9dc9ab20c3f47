package fr.portailfamilles.notification.notification.application;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import fr.portailfamilles.events.EventType;
import fr.portailfamilles.events.IntegrationEvent;
import fr.portailfamilles.notification.family.domain.FamilyContact;
import fr.portailfamilles.notification.mail.domain.MailPriority;

/**
 * One event type → one e-mail: who receives it, its subject, its template
 * ({@code templates/mail/<template>.html} and {@code .txt}) and the template's variables. The family
 * (when the audience has one and it is known) is given to the model for children's names. The priority
 * says which e-mails the sender takes first from a long queue.
 */
public record NotificationMapping<E extends IntegrationEvent>(Class<E> type, String template, Predicate<E> when,
        Function<E, Audience> audience, Function<E, String> subject, BiFunction<E, FamilyContact, Map<String, Object>> model,
        MailPriority priority) {

    /** A mapping of {@link MailPriority#BULK} priority: what happened, read when the family likes. */
    public static <E extends IntegrationEvent> NotificationMapping<E> of(Class<E> type, String template,
            Function<E, Audience> audience, Function<E, String> subject, BiFunction<E, FamilyContact, Map<String, Object>> model) {
        return new NotificationMapping<>(type, template, event -> true, audience, subject, model, MailPriority.BULK);
    }

    /** Sends only for the events that pass, e.g. a dossier that became complete. */
    public NotificationMapping<E> onlyWhen(Predicate<E> condition) {
        return new NotificationMapping<>(type, template, condition, audience, subject, model, priority);
    }

    /** Sent ahead of (or behind) other e-mails when the queue is long. */
    public NotificationMapping<E> priority(MailPriority first) {
        return new NotificationMapping<>(type, template, when, audience, subject, model, first);
    }

    public String topic() {
        return EventType.of(type).topic();
    }
}

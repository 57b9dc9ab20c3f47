package fr.portailfamilles.notification.notification.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.portailfamilles.events.IntegrationEvent;
import fr.portailfamilles.notification.family.application.FamilyContacts;
import fr.portailfamilles.notification.family.domain.FamilyContact;
import fr.portailfamilles.notification.mail.application.DeliveryQueue;
import fr.portailfamilles.notification.mail.application.MailRenderer;
import fr.portailfamilles.notification.mail.application.MailRenderer.RenderedMail;
import fr.portailfamilles.notification.message.application.Messages;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns an event into the e-mails to send (one queued delivery per recipient) and, for a family, the
 * message shown in the portal. Runs in the consumer's inbox transaction: nothing is sent here.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final FamilyContacts families;
    private final MailRenderer renderer;
    private final DeliveryQueue queue;
    private final Messages messages;

    public Notifications(FamilyContacts families, MailRenderer renderer, DeliveryQueue queue, Messages messages) {
        this.families = families;
        this.renderer = renderer;
        this.queue = queue;
        this.messages = messages;
    }

    public <E extends IntegrationEvent> Mono<Void> notify(String eventId, NotificationMapping<E> mapping, E event) {
        if (!mapping.when().test(event)) {
            return Mono.empty();
        }
        Audience audience = mapping.audience().apply(event);
        String subject = mapping.subject().apply(event);
        if (audience.wholeFamily()) {
            return families.find(audience.familyId())
                    .switchIfEmpty(Mono.error(() -> new FamilyNotKnownYet(audience.familyId())))
                    .flatMap(family -> {
                        Map<String, Object> model = model(mapping, event, family);
                        List<Recipient> recipients = family.reachableParents().stream()
                                .map(parent -> new Recipient(parent.email(), parent.firstName())).toList();
                        if (recipients.isEmpty()) {
                            log.warn("Family {} has no parent e-mail: {} shown in the portal only", family.familyId(), mapping.template());
                        }
                        return queueAll(eventId, mapping, subject, model, family, recipients)
                                .then(keepMessage(eventId, mapping.template(), subject, model, family, family.parentFirstNames()));
                    });
        }
        Mono<FamilyContact> family = audience.familyId() == null ? Mono.empty() : families.find(audience.familyId());
        return family.map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(known -> {
            Map<String, Object> model = model(mapping, event, known.orElse(null));
            Recipient recipient = new Recipient(audience.email(), audience.firstName());
            Mono<Void> message = audience.familyId() == null ? Mono.empty()
                    : messages.keep(audience.familyId(), eventId, mapping.template(),
                            renderer.render(mapping.template(), subject, withGreeting(model, null, audience.firstName())));
            return queueAll(eventId, mapping, subject, model, known.orElse(null), List.of(recipient)).then(message);
        });
    }

    private <E extends IntegrationEvent> Map<String, Object> model(NotificationMapping<E> mapping, E event, FamilyContact family) {
        return new HashMap<>(mapping.model().apply(event, family));
    }

    private Mono<Void> queueAll(String eventId, NotificationMapping<?> mapping, String subject, Map<String, Object> model,
            FamilyContact family, List<Recipient> recipients) {
        String template = mapping.template();
        return Flux.fromIterable(recipients)
                .concatMap(recipient -> queue.add(eventId, family == null ? null : family.familyId(), recipient.email(), template,
                        mapping.priority(), renderer.render(template, subject, withGreeting(model, family, recipient.firstName()))))
                .then();
    }

    private Mono<Void> keepMessage(String eventId, String template, String subject, Map<String, Object> model,
            FamilyContact family, String greeting) {
        RenderedMail rendered = renderer.render(template, subject, withGreeting(model, family, greeting));
        return messages.keep(family.familyId(), eventId, template, rendered);
    }

    private static Map<String, Object> withGreeting(Map<String, Object> model, FamilyContact family, String firstName) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("firstName", firstName);
        if (family != null) {
            variables.putIfAbsent("familyName", family.familyName());
        }
        return variables;
    }

    private record Recipient(String email, String firstName) {
    }

    /**
     * A document or reservation event overtook the family's registration (another topic): failing lets
     * the binder retry it a moment later, once the family contacts projection has caught up.
     */
    public static final class FamilyNotKnownYet extends RuntimeException {

        public FamilyNotKnownYet(UUID familyId) {
            super("Family " + familyId + " is not in the family contacts projection yet");
        }
    }
}

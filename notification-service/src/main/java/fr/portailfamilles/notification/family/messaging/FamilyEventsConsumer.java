package fr.portailfamilles.notification.family.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.portailfamilles.events.account.FamilyRegistered;
import fr.portailfamilles.events.account.FamilyUpdated;
import fr.portailfamilles.notification.family.application.FamilyContacts;
import fr.portailfamilles.platform.outbox.EventHandlers;
import fr.portailfamilles.platform.outbox.InboundEvents;

/** Keeps the family contacts projection that addresses document and reservation e-mails. */
@Configuration(proxyBeanMethods = false)
public class FamilyEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> familyEvents(InboundEvents inbound, FamilyContacts contacts) {
        EventHandlers handlers = EventHandlers.create()
                .on(FamilyRegistered.class, family -> contacts.record(family.familyId(), family.familyName(),
                        family.parents(), family.children(), family.occurredAt()))
                .on(FamilyUpdated.class, family -> contacts.record(family.familyId(), family.familyName(),
                        family.parents(), family.children(), family.occurredAt()));
        return message -> inbound.dispatch(message, handlers);
    }
}

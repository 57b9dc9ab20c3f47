package fr.portailfamilles.document.family.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.portailfamilles.document.family.application.FamilyProjection;
import fr.portailfamilles.events.account.FamilyRegistered;
import fr.portailfamilles.events.account.FamilyUpdated;
import fr.portailfamilles.platform.outbox.EventHandlers;
import fr.portailfamilles.platform.outbox.InboundEvents;

/** Which families exist and their children, for per-child requirements and completeness. */
@Configuration(proxyBeanMethods = false)
public class FamilyEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> familyEvents(InboundEvents inbound, FamilyProjection families) {
        return message -> inbound.dispatch(message, EventHandlers.create()
                .on(FamilyRegistered.class, registered -> families.apply(registered.familyId(), registered.familyName(),
                        registered.children()))
                .on(FamilyUpdated.class, updated -> families.apply(updated.familyId(), updated.familyName(),
                        updated.children())));
    }
}

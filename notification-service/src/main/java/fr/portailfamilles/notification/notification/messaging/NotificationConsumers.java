package fr.portailfamilles.notification.notification.messaging;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.portailfamilles.events.IntegrationEvent;
import fr.portailfamilles.events.Topics;
import fr.portailfamilles.notification.notification.application.NotificationCatalog;
import fr.portailfamilles.notification.notification.application.NotificationMapping;
import fr.portailfamilles.notification.notification.application.Notifications;
import fr.portailfamilles.platform.outbox.CloudEventHeaders;
import fr.portailfamilles.platform.outbox.EventHandlers;
import fr.portailfamilles.platform.outbox.InboundEvents;

/**
 * One consumer per topic a family must hear about, each built from the {@link NotificationCatalog}
 * mappings of that topic: a new mapping is picked up without touching this class.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationConsumers {

    @Bean
    Consumer<Message<byte[]>> accountRequestEvents(InboundEvents inbound, Notifications notifications) {
        return consumer(Topics.ACCOUNT_REQUEST, inbound, notifications);
    }

    @Bean
    Consumer<Message<byte[]>> userAccountEvents(InboundEvents inbound, Notifications notifications) {
        return consumer(Topics.USER_ACCOUNT, inbound, notifications);
    }

    @Bean
    Consumer<Message<byte[]>> documentEvents(InboundEvents inbound, Notifications notifications) {
        return consumer(Topics.DOCUMENT, inbound, notifications);
    }

    @Bean
    Consumer<Message<byte[]>> dossierEvents(InboundEvents inbound, Notifications notifications) {
        return consumer(Topics.DOSSIER, inbound, notifications);
    }

    @Bean
    Consumer<Message<byte[]>> reservationEvents(InboundEvents inbound, Notifications notifications) {
        return consumer(Topics.RESERVATION, inbound, notifications);
    }

    @Bean
    Consumer<Message<byte[]>> invoiceEvents(InboundEvents inbound, Notifications notifications) {
        return consumer(Topics.INVOICE, inbound, notifications);
    }

    static Consumer<Message<byte[]>> consumer(String topic, InboundEvents inbound, Notifications notifications) {
        List<NotificationMapping<?>> mappings = NotificationCatalog.ALL.stream()
                .filter(mapping -> mapping.topic().equals(topic)).toList();
        if (mappings.isEmpty()) {
            throw new IllegalStateException("No notification maps an event of " + topic);
        }
        return message -> {
            String eventId = CloudEventHeaders.read(message.getHeaders(), CloudEventHeaders.ID);
            EventHandlers handlers = EventHandlers.create();
            mappings.forEach(mapping -> register(handlers, mapping, eventId, notifications));
            inbound.dispatch(message, handlers);
        };
    }

    private static <E extends IntegrationEvent> void register(EventHandlers handlers, NotificationMapping<E> mapping,
            String eventId, Notifications notifications) {
        handlers.on(mapping.type(), event -> notifications.notify(eventId, mapping, event));
    }
}

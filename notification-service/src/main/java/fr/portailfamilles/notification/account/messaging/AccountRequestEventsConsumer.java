package fr.portailfamilles.notification.account.messaging;

import java.util.Map;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.portailfamilles.events.account.AccountRequestReceived;
import fr.portailfamilles.notification.mail.application.Mailer;
import fr.portailfamilles.notification.mail.domain.Mail;
import fr.portailfamilles.platform.outbox.CloudEventHeaders;
import fr.portailfamilles.platform.outbox.EventHandlers;
import fr.portailfamilles.platform.outbox.InboundEvents;

/** Tells the family what happens to its account request. */
@Configuration(proxyBeanMethods = false)
public class AccountRequestEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> accountRequestEvents(InboundEvents inbound, Mailer mailer) {
        return message -> {
            String eventId = CloudEventHeaders.read(message.getHeaders(), CloudEventHeaders.ID);
            inbound.dispatch(message, EventHandlers.create()
                    .on(AccountRequestReceived.class, received -> mailer.send(new Mail(eventId, received.contactEmail(),
                            "Portail Familles : nous avons bien reçu votre demande", "account-request-received",
                            Map.of("firstName", received.contactFirstName(), "familyName", received.familyName(),
                                    "schoolYear", received.schoolYear())))));
        };
    }
}

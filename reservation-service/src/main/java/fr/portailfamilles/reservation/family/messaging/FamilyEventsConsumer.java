package fr.portailfamilles.reservation.family.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.portailfamilles.events.account.FamilyRegistered;
import fr.portailfamilles.events.account.FamilyUpdated;
import fr.portailfamilles.events.billing.InvoiceIssued;
import fr.portailfamilles.events.billing.PaymentReceived;
import fr.portailfamilles.events.document.DossierCompletenessChanged;
import fr.portailfamilles.platform.outbox.EventHandlers;
import fr.portailfamilles.platform.outbox.InboundEvents;
import fr.portailfamilles.reservation.family.application.FamilyProjections;

/**
 * Families from account-service, dossier completeness from document-service and what each family still owes
 * from billing-service, kept locally for eligibility.
 */
@Configuration(proxyBeanMethods = false)
public class FamilyEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> familyEvents(InboundEvents inbound, FamilyProjections projections) {
        return message -> inbound.dispatch(message, EventHandlers.create()
                .on(FamilyRegistered.class, projections::registered)
                .on(FamilyUpdated.class, projections::updated));
    }

    @Bean
    Consumer<Message<byte[]>> dossierEvents(InboundEvents inbound, FamilyProjections projections) {
        return message -> inbound.dispatch(message, EventHandlers.create()
                .on(DossierCompletenessChanged.class, projections::dossierChanged));
    }

    /** PaymentRefused changes nothing owed: it is skipped (no handler). */
    @Bean
    Consumer<Message<byte[]>> invoiceEvents(InboundEvents inbound, FamilyProjections projections) {
        return message -> inbound.dispatch(message, EventHandlers.create()
                .on(InvoiceIssued.class, projections::invoiceIssued)
                .on(PaymentReceived.class, projections::paymentReceived));
    }
}

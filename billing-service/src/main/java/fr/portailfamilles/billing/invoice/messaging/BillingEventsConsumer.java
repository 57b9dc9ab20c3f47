package fr.portailfamilles.billing.invoice.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.portailfamilles.billing.invoice.application.BillingProjections;
import fr.portailfamilles.events.account.FamilyRegistered;
import fr.portailfamilles.events.account.FamilyUpdated;
import fr.portailfamilles.events.reservation.ReservationCancelled;
import fr.portailfamilles.events.reservation.ReservationConfirmed;
import fr.portailfamilles.events.reservation.WaitlistPromoted;
import fr.portailfamilles.platform.outbox.EventHandlers;
import fr.portailfamilles.platform.outbox.InboundEvents;

/**
 * Families from account-service (name, address, quotient familial) and booked places from
 * reservation-service (billable lines). Waiting-list offers are not billed: an accepted one arrives as
 * ReservationConfirmed.
 */
@Configuration(proxyBeanMethods = false)
public class BillingEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> familyEvents(InboundEvents inbound, BillingProjections projections) {
        return message -> inbound.dispatch(message, EventHandlers.create()
                .on(FamilyRegistered.class, projections::registered)
                .on(FamilyUpdated.class, projections::updated));
    }

    @Bean
    Consumer<Message<byte[]>> reservationEvents(InboundEvents inbound, BillingProjections projections) {
        return message -> inbound.dispatch(message, EventHandlers.create()
                .on(ReservationConfirmed.class, projections::confirmed)
                .on(WaitlistPromoted.class, projections::promoted)
                .on(ReservationCancelled.class, projections::cancelled));
    }
}

package fr.portailfamilles.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import fr.portailfamilles.testsupport.ConsumerContract;

/**
 * ADR 0002 from this service's side: each of its consumers, fed every event with a field added by a newer
 * producer, handles what it consumes (its inbox records it) and parks nothing.
 */
class EventContractIT extends ReservationIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void whenAProducerAddsAFieldThenEveryConsumerStillHandlesEveryEventItConsumes() {
        ConsumerContract.Outcome outcome = ConsumerContract.feedEveryEventWithAnExtraField(context);

        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.handled()).isEqualTo(Map.of(
                "familyEvents", Set.of("FamilyRegistered", "FamilyUpdated"),
                "dossierEvents", Set.of("DossierCompletenessChanged"),
                "invoiceEvents", Set.of("InvoiceIssued", "PaymentReceived")));
    }
}

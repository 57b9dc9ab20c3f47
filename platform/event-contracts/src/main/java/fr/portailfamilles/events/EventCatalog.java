package fr.portailfamilles.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.portailfamilles.events.account.AccountRequestApproved;
import fr.portailfamilles.events.account.AccountRequestReceived;
import fr.portailfamilles.events.account.AccountRequestRejected;
import fr.portailfamilles.events.account.FamilyRegistered;
import fr.portailfamilles.events.account.FamilyUpdated;
import fr.portailfamilles.events.account.PasswordChanged;
import fr.portailfamilles.events.account.PasswordResetRequested;
import fr.portailfamilles.events.billing.InvoiceIssued;
import fr.portailfamilles.events.billing.PaymentReceived;
import fr.portailfamilles.events.billing.PaymentRefused;
import fr.portailfamilles.events.document.DocumentAccepted;
import fr.portailfamilles.events.document.DocumentExpiringSoon;
import fr.portailfamilles.events.document.DocumentRejected;
import fr.portailfamilles.events.document.DocumentSubmitted;
import fr.portailfamilles.events.document.DossierCompletenessChanged;
import fr.portailfamilles.events.reservation.BookingPlaced;
import fr.portailfamilles.events.reservation.CancellationConfirmed;
import fr.portailfamilles.events.reservation.ReservationCancelled;
import fr.portailfamilles.events.reservation.ReservationConfirmed;
import fr.portailfamilles.events.reservation.ReservationWaitlisted;
import fr.portailfamilles.events.reservation.WaitlistOfferExpired;
import fr.portailfamilles.events.reservation.WaitlistOfferMade;
import fr.portailfamilles.events.reservation.WaitlistPromoted;

/** Every published event, so consumers can map a {@code ce_type} back to its record and tests can check all. */
public final class EventCatalog {

    public static final List<EventType> ALL = Stream.of(
                    AccountRequestReceived.class, AccountRequestApproved.class, AccountRequestRejected.class,
                    PasswordResetRequested.class, PasswordChanged.class, FamilyRegistered.class, FamilyUpdated.class,
                    DocumentSubmitted.class, DocumentAccepted.class, DocumentRejected.class, DocumentExpiringSoon.class,
                    DossierCompletenessChanged.class,
                    BookingPlaced.class, ReservationConfirmed.class, ReservationWaitlisted.class, WaitlistPromoted.class,
                    ReservationCancelled.class, CancellationConfirmed.class,
                    WaitlistOfferMade.class, WaitlistOfferExpired.class,
                    InvoiceIssued.class, PaymentReceived.class, PaymentRefused.class)
            .<EventType>map(EventType::of)
            .toList();

    private static final Map<String, EventType> BY_CE_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));

    private EventCatalog() {
    }

    public static Optional<EventType> byCeType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    public static EventType of(Class<? extends IntegrationEvent> javaType) {
        return ALL.stream().filter(type -> type.javaType().equals(javaType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(javaType + " is not in the EventCatalog"));
    }
}

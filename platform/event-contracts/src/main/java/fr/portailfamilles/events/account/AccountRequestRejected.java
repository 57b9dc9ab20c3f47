package fr.portailfamilles.events.account;

import java.time.Instant;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/** Staff rejected a family's account request, with the reason the family is told. */
@Event(domain = "account", aggregate = "account-request")
public record AccountRequestRejected(
        UUID requestId,
        String contactEmail,
        String contactFirstName,
        String reason,
        Instant rejectedAt) implements IntegrationEvent {

    @Override
    public String key() {
        return requestId.toString();
    }
}

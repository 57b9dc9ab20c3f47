package fr.portailfamilles.events.account;

import java.time.Instant;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/** A family asked for an account (or its yearly actualisation); staff will review it. */
@Event(domain = "account", aggregate = "account-request")
public record AccountRequestReceived(UUID requestId, String familyName, String contactEmail, String contactFirstName,
        String schoolYear, Instant receivedAt) implements IntegrationEvent {

    @Override
    public String key() {
        return requestId.toString();
    }
}

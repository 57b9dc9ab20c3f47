package fr.portailfamilles.events.account;

import java.time.Instant;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/** Staff approved a family's account request: the family exists and its contact can activate the account with the one-time link. */
@Event(domain = "account", aggregate = "account-request")
public record AccountRequestApproved(
        UUID requestId,
        UUID familyId,
        String contactEmail,
        String contactFirstName,
        String activationLink,
        Instant activationExpiresAt,
        Instant approvedAt) implements IntegrationEvent {

    @Override
    public String key() {
        return requestId.toString();
    }
}

package fr.portailfamilles.events.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/** A family now exists (account request approved): the state other services project for eligibility, billing and notifications. */
@Event(domain = "account", aggregate = "family")
public record FamilyRegistered(
        UUID familyId,
        String familyName,
        String address,
        String postalCode,
        String town,
        boolean resident,
        boolean accountActive,
        Integer quotientFamilial,
        List<ParentContact> parents,
        List<ChildProfile> children,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String key() {
        return familyId.toString();
    }
}

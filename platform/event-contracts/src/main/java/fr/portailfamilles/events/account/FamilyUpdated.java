package fr.portailfamilles.events.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/** Something other services project changed on a family (address, residency, quotient familial, parents, children, account status): the whole new state. */
@Event(domain = "account", aggregate = "family")
public record FamilyUpdated(
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

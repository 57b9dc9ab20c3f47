package fr.portailfamilles.events.account;

import java.time.Instant;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/** A login's password was set (activation), changed or reset. */
@Event(domain = "account", aggregate = "user-account")
public record PasswordChanged(UUID userId, String email, String firstName, Instant changedAt) implements IntegrationEvent {

    @Override
    public String key() {
        return userId.toString();
    }
}

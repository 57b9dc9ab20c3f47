package fr.portailfamilles.events.account;

import java.time.Instant;
import java.util.UUID;

import fr.portailfamilles.events.Event;
import fr.portailfamilles.events.IntegrationEvent;

/** Someone asked to reset the password of an existing login; the link is single-use and expires. */
@Event(domain = "account", aggregate = "user-account")
public record PasswordResetRequested(
        UUID userId,
        String email,
        String firstName,
        String resetLink,
        Instant expiresAt,
        Instant requestedAt) implements IntegrationEvent {

    @Override
    public String key() {
        return userId.toString();
    }
}

package fr.portailfamilles.events.account;

import java.util.UUID;

/** A parent who logs in, as other services need them: to address e-mails. */
public record ParentContact(UUID userId, String email, String firstName, String lastName) {
}

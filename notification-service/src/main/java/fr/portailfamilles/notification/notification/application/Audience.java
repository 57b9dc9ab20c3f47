package fr.portailfamilles.notification.notification.application;

import java.util.UUID;

/**
 * Who an event's e-mail goes to: the parents of a family (looked up in the family contacts
 * projection), or one person the event names (account request, login), possibly tied to a family.
 */
public record Audience(UUID familyId, String email, String firstName) {

    public static Audience family(UUID familyId) {
        return new Audience(familyId, null, null);
    }

    public static Audience person(String email, String firstName) {
        return new Audience(null, email, firstName);
    }

    public static Audience person(String email, String firstName, UUID familyId) {
        return new Audience(familyId, email, firstName);
    }

    public boolean wholeFamily() {
        return email == null;
    }
}

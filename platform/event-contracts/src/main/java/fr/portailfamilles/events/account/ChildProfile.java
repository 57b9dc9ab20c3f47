package fr.portailfamilles.events.account;

import java.time.LocalDate;
import java.util.UUID;

/** A child as other services need them: eligibility by age, names in e-mails and lists. */
public record ChildProfile(UUID childId, String firstName, String lastName, LocalDate birthDate, String school) {
}

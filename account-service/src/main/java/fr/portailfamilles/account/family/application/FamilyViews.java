package fr.portailfamilles.account.family.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.portailfamilles.account.family.application.FamilyForms.Person;

/** What the family and child endpoints answer. */
public final class FamilyViews {

    private FamilyViews() {
    }

    public record FamilyView(UUID id, String name, String address, String postalCode, String town, String situation,
            String cafNumber, boolean resident, QuotientFamilial quotientFamilial, List<ParentView> parents,
            Map<String, Boolean> consents, List<ConsentEntry> consentHistory, List<ChildSummary> children) {
    }

    public record QuotientFamilial(Integer value, String source, LocalDate validUntil) {
    }

    public record ParentView(UUID userId, String firstName, String lastName, String email, String phone, String accountStatus) {
    }

    public record ChildSummary(UUID id, String firstName, String lastName, LocalDate birthDate) {
    }

    /** One answer in the history: what, yes or no, who (user id), when. */
    public record ConsentEntry(String kind, boolean granted, UUID recordedBy, Instant recordedAt) {
    }

    public record ChildView(UUID id, String firstName, String lastName, LocalDate birthDate, String school,
            String className, String healthNotes, String allergies, String doctorName, String doctorPhone,
            List<Person> authorizedPickups, List<Person> emergencyContacts, Map<String, Boolean> authorizations,
            List<ConsentEntry> authorizationHistory) {
    }

    public record FamilySummary(UUID id, String name, String postalCode, String town, boolean resident,
            Integer quotientFamilial) {
    }

    public record FamilyExport(Instant exportedAt, FamilyView family, List<ChildView> children) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }
}

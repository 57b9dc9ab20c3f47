package fr.portailfamilles.account.family.domain;

import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A parent of a family as a contact; {@code userId} is also their login's id. */
@Table("family_parent")
public record FamilyParent(@Id UUID userId, UUID familyId, String firstName, String lastName, String email,
        String phone, int position) {

    public FamilyParent withContact(String firstName, String lastName, String email, String phone) {
        return new FamilyParent(userId, familyId, firstName, lastName, email, phone, position);
    }
}

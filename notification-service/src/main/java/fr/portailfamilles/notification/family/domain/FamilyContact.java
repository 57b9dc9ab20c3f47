package fr.portailfamilles.notification.family.domain;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import fr.portailfamilles.events.account.ChildProfile;
import fr.portailfamilles.events.account.ParentContact;

/** Who to write to for a family, as account-service last described it. */
public record FamilyContact(UUID familyId, String familyName, List<ParentContact> parents, List<ChildProfile> children) {

    /** The parents who can receive e-mail. */
    public List<ParentContact> reachableParents() {
        return parents.stream().filter(parent -> parent.email() != null && !parent.email().isBlank()).toList();
    }

    /** "Léa et Hugo": how a message to the whole family greets it. */
    public String parentFirstNames() {
        List<String> names = parents.stream().map(ParentContact::firstName).filter(Objects::nonNull).toList();
        if (names.isEmpty()) {
            return "famille " + familyName;
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " et " + names.get(names.size() - 1);
    }

    public String childFirstName(UUID childId) {
        if (childId == null) {
            return null;
        }
        return children.stream().filter(child -> childId.equals(child.childId())).map(ChildProfile::firstName)
                .findFirst().orElse(null);
    }
}

package fr.portailfamilles.account.family.domain;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One staff access to a family: {@code READ}, {@code QUOTIENT_FAMILIAL_SET}, {@code ANONYMISED}… */
@Table("family_audit")
public record FamilyAudit(@Id UUID id, UUID familyId, UUID actorId, String action, Instant at) {

    public static FamilyAudit of(UUID familyId, UUID actorId, String action) {
        return new FamilyAudit(null, familyId, actorId, action, null);
    }
}

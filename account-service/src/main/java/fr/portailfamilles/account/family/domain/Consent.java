package fr.portailfamilles.account.family.domain;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One answer to a consent (family) or an authorization (child), never updated: the newest row per
 * kind is the current answer, the others are its history (who answered what, when).
 */
@Table("consent")
public record Consent(@Id UUID id, UUID familyId, UUID childId, String kind, boolean granted, UUID recordedBy,
        Instant recordedAt) {

    public static Consent record(UUID familyId, UUID childId, String kind, boolean granted, UUID recordedBy) {
        return new Consent(null, familyId, childId, kind, granted, recordedBy, null);
    }
}

package fr.portailfamilles.document.document.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A file a parent sent for one document type (and child, for CHILD types); the bytes live in {@link DocumentStorage}. */
@Table("document")
public record Document(@Id UUID id, UUID familyId, UUID childId, String typeCode, DocumentStatus status,
        String originalFilename, String contentType, long sizeBytes, String sha256, String storageKey,
        String rejectionReason, LocalDate validFrom, LocalDate validUntil, Instant submittedAt, Instant reviewedAt,
        Instant expiryNotifiedAt) {

    public static Document submitted(UUID familyId, UUID childId, String typeCode, String originalFilename,
            StoredObject stored, String contentType, Instant submittedAt) {
        return new Document(null, familyId, childId, typeCode, DocumentStatus.PENDING, originalFilename, contentType,
                stored.size(), stored.sha256(), stored.key(), null, null, null, submittedAt, null, null);
    }

    public Document accepted(LocalDate from, LocalDate until, Instant at) {
        return new Document(id, familyId, childId, typeCode, DocumentStatus.ACCEPTED, originalFilename, contentType,
                sizeBytes, sha256, storageKey, null, from, until, submittedAt, at, null);
    }

    public Document rejected(String reason, Instant at) {
        return new Document(id, familyId, childId, typeCode, DocumentStatus.REJECTED, originalFilename, contentType,
                sizeBytes, sha256, storageKey, reason, null, null, submittedAt, at, null);
    }

    public Document expiryNotified(Instant at) {
        return new Document(id, familyId, childId, typeCode, status, originalFilename, contentType, sizeBytes, sha256,
                storageKey, rejectionReason, validFrom, validUntil, submittedAt, reviewedAt, at);
    }

    /** Accepted and not past its last valid day. */
    public boolean validOn(LocalDate day) {
        return status == DocumentStatus.ACCEPTED && (validUntil == null || !day.isAfter(validUntil));
    }
}

package fr.portailfamilles.document.document.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import fr.portailfamilles.document.document.domain.Document;
import fr.portailfamilles.document.document.domain.DocumentStatus;

/** A document as parents and staff see it: never its storage key. */
public record DocumentView(UUID id, UUID familyId, UUID childId, String typeCode, DocumentStatus status, String filename,
        String contentType, long size, String sha256, Instant submittedAt, Instant reviewedAt, String rejectionReason,
        LocalDate validFrom, LocalDate validUntil) {

    static DocumentView of(Document document) {
        return new DocumentView(document.id(), document.familyId(), document.childId(), document.typeCode(),
                document.status(), document.originalFilename(), document.contentType(), document.sizeBytes(),
                document.sha256(), document.submittedAt(), document.reviewedAt(), document.rejectionReason(),
                document.validFrom(), document.validUntil());
    }
}

package fr.portailfamilles.document.document.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Where one required document stands for a family (or a child), from the documents sent for it: a valid
 * accepted one wins, then one waiting for review, then the latest rejected or expired one.
 */
public record RequirementState(RequirementStatus status, UUID documentId, String reason, LocalDate validUntil) {

    public static RequirementState of(List<Document> sent, LocalDate today) {
        var newestFirst = sent.stream().sorted(Comparator.comparing(Document::submittedAt).reversed()).toList();
        var valid = newestFirst.stream().filter(document -> document.validOn(today)).findFirst();
        if (valid.isPresent()) {
            return new RequirementState(RequirementStatus.ACCEPTED, valid.get().id(), null, valid.get().validUntil());
        }
        var pending = newestFirst.stream().filter(document -> document.status() == DocumentStatus.PENDING).findFirst();
        if (pending.isPresent()) {
            return new RequirementState(RequirementStatus.PENDING, pending.get().id(), null, null);
        }
        if (newestFirst.isEmpty()) {
            return new RequirementState(RequirementStatus.MISSING, null, null, null);
        }
        Document latest = newestFirst.get(0);
        return latest.status() == DocumentStatus.REJECTED
                ? new RequirementState(RequirementStatus.REJECTED, latest.id(), latest.rejectionReason(), null)
                : new RequirementState(RequirementStatus.EXPIRED, latest.id(), null, latest.validUntil());
    }

    public boolean satisfied() {
        return status == RequirementStatus.ACCEPTED;
    }
}

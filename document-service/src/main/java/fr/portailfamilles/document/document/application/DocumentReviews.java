package fr.portailfamilles.document.document.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.portailfamilles.document.catalogue.domain.DocumentType;
import fr.portailfamilles.document.catalogue.domain.DocumentTypeRepository;
import fr.portailfamilles.document.catalogue.domain.Validity;
import fr.portailfamilles.document.document.domain.Document;
import fr.portailfamilles.document.document.domain.DocumentRepository;
import fr.portailfamilles.document.document.domain.DocumentStatus;
import fr.portailfamilles.document.dossier.application.DossierCompleteness;
import fr.portailfamilles.events.document.DocumentAccepted;
import fr.portailfamilles.events.document.DocumentRejected;
import fr.portailfamilles.platform.outbox.Outbox;
import fr.portailfamilles.platform.web.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff review: the queue, then accept (dates checked against the type's rule) or reject with a reason. */
@Service
public class DocumentReviews {

    private final DocumentRepository documents;
    private final DocumentTypeRepository types;
    private final DossierCompleteness completeness;
    private final Outbox outbox;
    private final Clock clock;

    public DocumentReviews(DocumentRepository documents, DocumentTypeRepository types, DossierCompleteness completeness,
            Outbox outbox, Clock clock) {
        this.documents = documents;
        this.types = types;
        this.completeness = completeness;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Mono<DocumentPage> queue(DocumentStatus status, int page, int size) {
        return Mono.zip(documents.findQueue(status.name(), size, (long) page * size).collectList(),
                        documents.countByStatus(status.name()))
                .map(loaded -> new DocumentPage(loaded.getT1(), page, size, loaded.getT2()));
    }

    /** Every document a family sent, newest first, whatever its status (the family page of the back office). */
    public Flux<Document> ofFamily(UUID familyId) {
        return documents.findByFamilyIdOrderBySubmittedAtDesc(familyId);
    }

    public Mono<Document> find(UUID id) {
        return documents.findById(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Document")));
    }

    /** The document's new state, its event and the family's completeness commit together. */
    @Transactional
    public Mono<Document> review(UUID id, ReviewDecision decision) {
        return find(id)
                .flatMap(document -> document.status() != DocumentStatus.PENDING
                        ? Mono.error(ProblemException.conflict("already-reviewed", "Ce document a déjà été examiné."))
                        : types.findById(document.typeCode()).flatMap(type -> switch (decision.decision()) {
                            case ACCEPTED -> accept(document, type, decision);
                            case REJECTED -> reject(document, type, decision);
                            case PENDING -> Mono.error(ProblemException.invalid("invalid-decision",
                                    "La décision doit être ACCEPTED ou REJECTED."));
                        }))
                .flatMap(reviewed -> completeness.recompute(reviewed.familyId()).thenReturn(reviewed));
    }

    private Mono<Document> accept(Document document, DocumentType type, ReviewDecision decision) {
        Validity validity = Validity.decide(type.validityRule(), LocalDate.now(clock), decision.validFrom(), decision.validUntil());
        if (!validity.accepted()) {
            return Mono.error(ProblemException.invalid("validity-does-not-fit-rule", validity.refusal())
                    .with("validityRule", type.validityRule().name()));
        }
        var now = clock.instant();
        return documents.save(document.accepted(decision.validFrom(), validity.validUntil(), now))
                .flatMap(saved -> outbox.append(new DocumentAccepted(saved.id(), saved.familyId(), saved.childId(),
                        type.code(), type.label(), saved.validUntil(), now)).thenReturn(saved));
    }

    private Mono<Document> reject(Document document, DocumentType type, ReviewDecision decision) {
        if (decision.reason() == null || decision.reason().isBlank()) {
            return Mono.error(ProblemException.invalid("reason-required",
                    "Indiquez à la famille pourquoi le document est refusé."));
        }
        var now = clock.instant();
        return documents.save(document.rejected(decision.reason().strip(), now))
                .flatMap(saved -> outbox.append(new DocumentRejected(saved.id(), saved.familyId(), saved.childId(),
                        type.code(), type.label(), saved.rejectionReason(), now)).thenReturn(saved));
    }
}

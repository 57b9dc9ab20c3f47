package fr.portailfamilles.document.document.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import fr.portailfamilles.document.catalogue.domain.DocumentScope;
import fr.portailfamilles.document.catalogue.domain.DocumentType;
import fr.portailfamilles.document.catalogue.domain.DocumentTypeRepository;
import fr.portailfamilles.document.catalogue.domain.Dossier;
import fr.portailfamilles.document.document.domain.Document;
import fr.portailfamilles.document.document.domain.DocumentRepository;
import fr.portailfamilles.document.document.domain.RequirementState;
import fr.portailfamilles.document.dossier.domain.Completeness;
import fr.portailfamilles.document.family.domain.FamilyChild;
import fr.portailfamilles.document.family.domain.FamilyChildRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The family's documents and, per type of a dossier (per child for CHILD types), the red cross or green tick. */
@Service
public class DocumentRequirements {

    private final DocumentTypeRepository types;
    private final FamilyChildRepository children;
    private final DocumentRepository documents;
    private final Clock clock;

    public DocumentRequirements(DocumentTypeRepository types, FamilyChildRepository children, DocumentRepository documents,
            Clock clock) {
        this.types = types;
        this.children = children;
        this.documents = documents;
        this.clock = clock;
    }

    public Flux<Document> documentsOf(UUID familyId) {
        return documents.findByFamilyIdOrderBySubmittedAtDesc(familyId);
    }

    public Mono<List<Requirement>> of(UUID familyId, Dossier dossier) {
        LocalDate today = LocalDate.now(clock);
        return Mono.zip(types.findForDossier(dossier).collectList(), children.findChildren(familyId).collectList(),
                        documents.findByFamilyIdOrderBySubmittedAtDesc(familyId).collectList())
                .map(loaded -> {
                    List<Requirement> lines = new ArrayList<>();
                    for (DocumentType type : loaded.getT1()) {
                        if (type.scope() == DocumentScope.FAMILY) {
                            lines.add(line(type, null, loaded.getT3(), today));
                        }
                        else {
                            loaded.getT2().forEach(child -> lines.add(line(type, child, loaded.getT3(), today)));
                        }
                    }
                    return lines;
                });
    }

    private static Requirement line(DocumentType type, FamilyChild child, List<Document> sent, LocalDate today) {
        return new Requirement(type, child,
                RequirementState.of(Completeness.sentFor(sent, type.code(), child == null ? null : child.childId()), today));
    }
}

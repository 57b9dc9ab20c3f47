package fr.portailfamilles.document.dossier.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import fr.portailfamilles.document.catalogue.domain.DocumentScope;
import fr.portailfamilles.document.catalogue.domain.DocumentType;
import fr.portailfamilles.document.catalogue.domain.Dossier;
import fr.portailfamilles.document.document.domain.Document;
import fr.portailfamilles.document.document.domain.RequirementState;

/**
 * Completeness of every dossier of one family on a day. The family line of a dossier covers its
 * mandatory FAMILY documents (NEUTRE + the dossier's own); each child's line of ALSH and CRECHE adds the
 * child's mandatory CHILD documents, so a child is eligible when the family's and its own are all valid.
 */
public final class Completeness {

    private Completeness() {
    }

    public static List<DossierState> evaluate(UUID familyId, List<DocumentType> catalogue, List<UUID> children,
            List<Document> documents, LocalDate today) {
        List<DossierState> states = new ArrayList<>();
        for (Dossier dossier : Dossier.values()) {
            List<DocumentType> required = catalogue.stream().filter(DocumentType::mandatory)
                    .filter(type -> type.dossier() == Dossier.NEUTRE || type.dossier() == dossier).toList();
            List<String> familyMissing = missing(required, DocumentScope.FAMILY, null, documents, today);
            states.add(new DossierState(familyId, null, dossier, familyMissing.isEmpty(), familyMissing));
            if (dossier == Dossier.NEUTRE) {
                continue;
            }
            for (UUID child : children) {
                List<String> childMissing = new ArrayList<>(familyMissing);
                childMissing.addAll(missing(required, DocumentScope.CHILD, child, documents, today));
                states.add(new DossierState(familyId, child, dossier, childMissing.isEmpty(), List.copyOf(childMissing)));
            }
        }
        return states;
    }

    private static List<String> missing(List<DocumentType> required, DocumentScope scope, UUID child,
            List<Document> documents, LocalDate today) {
        return required.stream().filter(type -> type.scope() == scope)
                .filter(type -> !RequirementState.of(sentFor(documents, type.code(), child), today).satisfied())
                .map(DocumentType::code).toList();
    }

    public static List<Document> sentFor(List<Document> documents, String typeCode, UUID child) {
        return documents.stream().filter(document -> document.typeCode().equals(typeCode))
                .filter(document -> Objects.equals(document.childId(), child)).toList();
    }
}

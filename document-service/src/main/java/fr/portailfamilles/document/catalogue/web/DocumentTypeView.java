package fr.portailfamilles.document.catalogue.web;

import fr.portailfamilles.document.catalogue.domain.DocumentScope;
import fr.portailfamilles.document.catalogue.domain.DocumentType;
import fr.portailfamilles.document.catalogue.domain.Dossier;
import fr.portailfamilles.document.catalogue.domain.ValidityRule;

/** A document type as the portal shows it: the label on the list, the hint beside it. */
public record DocumentTypeView(String code, String label, Dossier dossier, DocumentScope scope, boolean mandatory,
        ValidityRule validityRule, String hint) {

    static DocumentTypeView of(DocumentType type) {
        return new DocumentTypeView(type.code(), type.label(), type.dossier(), type.scope(), type.mandatory(),
                type.validityRule(), type.hint());
    }
}

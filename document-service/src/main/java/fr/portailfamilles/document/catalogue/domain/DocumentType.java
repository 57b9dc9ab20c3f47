package fr.portailfamilles.document.catalogue.domain;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One entry of the required-document catalogue, seeded by the migrations. */
@Table("document_type")
public record DocumentType(@Id String code, String label, Dossier dossier, DocumentScope scope, boolean mandatory,
        ValidityRule validityRule, String hint, int position) {
}

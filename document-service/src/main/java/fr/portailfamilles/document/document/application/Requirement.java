package fr.portailfamilles.document.document.application;

import fr.portailfamilles.document.catalogue.domain.DocumentType;
import fr.portailfamilles.document.document.domain.RequirementState;
import fr.portailfamilles.document.family.domain.FamilyChild;

/** One line of the requirements view: a type, for the family or one child (null for FAMILY types), and where it stands. */
public record Requirement(DocumentType type, FamilyChild child, RequirementState state) {
}

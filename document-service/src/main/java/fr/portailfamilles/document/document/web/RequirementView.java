package fr.portailfamilles.document.document.web;

import java.time.LocalDate;
import java.util.UUID;

import fr.portailfamilles.document.catalogue.domain.DocumentScope;
import fr.portailfamilles.document.catalogue.domain.Dossier;
import fr.portailfamilles.document.document.application.Requirement;
import fr.portailfamilles.document.document.domain.RequirementStatus;

/** One line of "Mes documents": the type (and child), and its red cross / green tick. */
public record RequirementView(String typeCode, String label, Dossier dossier, DocumentScope scope, boolean mandatory,
        UUID childId, String childName, RequirementStatus status, UUID documentId, String reason, LocalDate validUntil) {

    static RequirementView of(Requirement line) {
        var type = line.type();
        var state = line.state();
        return new RequirementView(type.code(), type.label(), type.dossier(), type.scope(), type.mandatory(),
                line.child() == null ? null : line.child().childId(),
                line.child() == null ? null : line.child().firstName() + " " + line.child().lastName(),
                state.status(), state.documentId(), state.reason(), state.validUntil());
    }
}

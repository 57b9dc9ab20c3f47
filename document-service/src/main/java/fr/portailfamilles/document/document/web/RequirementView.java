package fr.portailfamilles.document.document.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.portailfamilles.document.catalogue.domain.DocumentScope;
import fr.portailfamilles.document.catalogue.domain.Dossier;
import fr.portailfamilles.document.document.application.ContentInspector;
import fr.portailfamilles.document.document.application.DocumentProperties;
import fr.portailfamilles.document.document.application.Requirement;
import fr.portailfamilles.document.document.domain.RequirementStatus;

/**
 * One line of "Mes documents": the type (and child), its red cross / green tick, and what a parent needs before
 * sending it: the guide's explanation (hint), the formats and size the upload accepts, so nobody learns them from a
 * rejection.
 */
public record RequirementView(String typeCode, String label, Dossier dossier, DocumentScope scope, boolean mandatory,
        UUID childId, String childName, RequirementStatus status, UUID documentId, String reason, LocalDate validUntil,
        String hint, List<String> acceptedFormats, long maxSizeBytes) {

    static RequirementView of(Requirement line, DocumentProperties properties) {
        var type = line.type();
        var state = line.state();
        return new RequirementView(type.code(), type.label(), type.dossier(), type.scope(), type.mandatory(),
                line.child() == null ? null : line.child().childId(),
                line.child() == null ? null : line.child().firstName() + " " + line.child().lastName(),
                state.status(), state.documentId(), state.reason(), state.validUntil(), type.hint(),
                ContentInspector.FORMAT_NAMES, properties.maxSize().toBytes());
    }
}

package fr.portailfamilles.document.dossier.domain;

import java.util.List;
import java.util.UUID;

import fr.portailfamilles.document.catalogue.domain.Dossier;

/** Whether a family ({@code childId} null) or one child has every mandatory document of a dossier, valid. */
public record DossierState(UUID familyId, UUID childId, Dossier dossier, boolean complete, List<String> missingTypes) {
}

package fr.portailfamilles.document.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.portailfamilles.document.catalogue.domain.DocumentScope;
import fr.portailfamilles.document.catalogue.domain.DocumentType;
import fr.portailfamilles.document.catalogue.domain.Dossier;
import fr.portailfamilles.document.catalogue.domain.ValidityRule;
import fr.portailfamilles.document.document.domain.Document;
import fr.portailfamilles.document.document.domain.RequirementState;
import fr.portailfamilles.document.document.domain.RequirementStatus;
import fr.portailfamilles.document.document.domain.StoredObject;
import fr.portailfamilles.document.dossier.domain.Completeness;
import fr.portailfamilles.document.dossier.domain.DossierState;

class CompletenessTests {

    static final LocalDate TODAY = LocalDate.of(2024, 1, 15);
    static final UUID FAMILY = UUID.randomUUID();
    static final UUID CHILD = UUID.randomUUID();
    static final List<DocumentType> CATALOGUE = List.of(
            type("AVIS_IMPOSITION", Dossier.NEUTRE, DocumentScope.FAMILY, true, 10),
            type("JUGEMENT_GARDE", Dossier.NEUTRE, DocumentScope.FAMILY, false, 20),
            type("ASSURANCE_EXTRASCOLAIRE", Dossier.ALSH, DocumentScope.FAMILY, true, 30),
            type("VACCINATIONS_ALSH", Dossier.ALSH, DocumentScope.CHILD, true, 40),
            type("ASSURANCE_RESPONSABILITE_CIVILE", Dossier.CRECHE, DocumentScope.FAMILY, true, 50));

    @Test
    void whenNothingWasSentThenTheRequirementIsMissing() {
        assertThat(RequirementState.of(List.of(), TODAY).status()).isEqualTo(RequirementStatus.MISSING);
    }

    @Test
    void whenAValidAcceptedDocumentExistsThenItWinsOverANewerRejectedOne() {
        var accepted = sent("AVIS_IMPOSITION", null, 1).accepted(null, TODAY, Instant.EPOCH);
        var rejected = sent("AVIS_IMPOSITION", null, 2).rejected("Illisible", Instant.EPOCH);
        assertThat(RequirementState.of(List.of(rejected, accepted), TODAY).status()).isEqualTo(RequirementStatus.ACCEPTED);
        var expiredState = RequirementState.of(List.of(rejected, accepted), TODAY.plusDays(1));
        assertThat(expiredState.status()).isEqualTo(RequirementStatus.REJECTED);
        assertThat(expiredState.reason()).isEqualTo("Illisible");
        assertThat(RequirementState.of(List.of(accepted), TODAY.plusDays(1)).status()).isEqualTo(RequirementStatus.EXPIRED);
        assertThat(RequirementState.of(List.of(accepted, sent("AVIS_IMPOSITION", null, 3)), TODAY.plusDays(1)).status())
                .isEqualTo(RequirementStatus.PENDING);
    }

    @Test
    void whenTheLastMandatoryDocumentIsAcceptedThenTheFamilyAndEachChildAreComplete() {
        var documents = List.of(
                sent("AVIS_IMPOSITION", null, 1).accepted(null, TODAY, Instant.EPOCH),
                sent("ASSURANCE_EXTRASCOLAIRE", null, 2).accepted(null, null, Instant.EPOCH));
        var states = Completeness.evaluate(FAMILY, CATALOGUE, List.of(CHILD), documents, TODAY);

        assertThat(state(states, null, Dossier.NEUTRE).complete()).isTrue();
        assertThat(state(states, null, Dossier.ALSH).complete()).isTrue();
        assertThat(state(states, CHILD, Dossier.ALSH).missingTypes()).containsExactly("VACCINATIONS_ALSH");
        assertThat(state(states, null, Dossier.CRECHE).missingTypes()).containsExactly("ASSURANCE_RESPONSABILITE_CIVILE");

        var withVaccinations = new java.util.ArrayList<>(documents);
        withVaccinations.add(sent("VACCINATIONS_ALSH", CHILD, 3).accepted(null, null, Instant.EPOCH));
        assertThat(state(Completeness.evaluate(FAMILY, CATALOGUE, List.of(CHILD), withVaccinations, TODAY), CHILD, Dossier.ALSH)
                .complete()).isTrue();
        var dayAfterExpiry = Completeness.evaluate(FAMILY, CATALOGUE, List.of(CHILD), withVaccinations, TODAY.plusDays(1));
        assertThat(state(dayAfterExpiry, CHILD, Dossier.ALSH).missingTypes()).containsExactly("AVIS_IMPOSITION");
        assertThat(state(dayAfterExpiry, null, Dossier.NEUTRE).complete()).isFalse();
    }

    private static DossierState state(List<DossierState> states, UUID child, Dossier dossier) {
        return states.stream().filter(state -> java.util.Objects.equals(state.childId(), child) && state.dossier() == dossier)
                .findFirst().orElseThrow();
    }

    private static Document sent(String type, UUID child, int minute) {
        return Document.submitted(FAMILY, child, type, "f.pdf", new StoredObject("k", 1, "x"), "application/pdf",
                Instant.EPOCH.plusSeconds(60L * minute));
    }

    private static DocumentType type(String code, Dossier dossier, DocumentScope scope, boolean mandatory, int position) {
        return new DocumentType(code, code, dossier, scope, mandatory, ValidityRule.NONE, "", position);
    }
}

package fr.portailfamilles.document.document.application;

import java.time.LocalDate;

import fr.portailfamilles.document.document.domain.DocumentStatus;
import jakarta.validation.constraints.NotNull;

/** A reviewer's verdict: ACCEPTED with the dates read on the document, or REJECTED with the reason the family reads. */
public record ReviewDecision(@NotNull DocumentStatus decision, String reason, LocalDate validFrom, LocalDate validUntil) {
}

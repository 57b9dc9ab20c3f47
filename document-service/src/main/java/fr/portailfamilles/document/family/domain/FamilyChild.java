package fr.portailfamilles.document.family.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A child of a family, projected from account-service's family events. */
@Table("family_child")
public record FamilyChild(@Id UUID childId, UUID familyId, String firstName, String lastName, LocalDate birthDate) {
}

package fr.portailfamilles.reservation.structure.application;

import fr.portailfamilles.reservation.structure.domain.StructureKind;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What staff fill in to declare a structure. */
public record StructureForm(
        @NotBlank @Size(max = 150) String name,
        @NotNull StructureKind kind,
        @NotBlank @Size(max = 200) String address,
        @NotBlank @Size(max = 100) String town,
        @NotBlank @Email @Size(max = 254) String contactEmail) {
}

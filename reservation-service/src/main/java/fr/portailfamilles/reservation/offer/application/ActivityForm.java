package fr.portailfamilles.reservation.offer.application;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import fr.portailfamilles.reservation.offer.domain.Activity;
import fr.portailfamilles.reservation.structure.domain.StructureKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What staff fill in to declare an activity of a structure, with its age groups and their places per day. */
public record ActivityForm(
        @NotNull UUID structureId,
        @NotBlank @Size(max = 150) String name,
        @NotNull StructureKind kind,
        @NotNull @Min(0) @Max(25) Integer minAge,
        @NotNull @Min(0) @Max(25) Integer maxAge,
        @NotNull @Pattern(regexp = "NEUTRE|ALSH|CRECHE") String requiredDossier,
        @NotNull @Min(0) @Max(60) Integer deadlineDays,
        @NotNull LocalTime cutoffTime,
        boolean workingDays,
        @NotNull Activity.LateCancellation lateCancellation,
        @NotNull Activity.WaitlistPolicy waitlistPolicy,
        @Min(1) @Max(168) Integer offerHours,
        @NotEmpty @Size(max = 6) List<@Valid AgeGroupForm> ageGroups) {

    public record AgeGroupForm(
            @NotBlank @Size(max = 60) String label,
            @NotNull @Min(0) @Max(25) Integer minAge,
            @NotNull @Min(0) @Max(25) Integer maxAge,
            @NotNull @Min(0) @Max(500) Integer dailyCapacity) {
    }
}

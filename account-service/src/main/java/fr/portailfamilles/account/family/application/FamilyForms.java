package fr.portailfamilles.account.family.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.portailfamilles.account.family.domain.ChildAuthorizationKind;
import fr.portailfamilles.account.family.domain.FamilyConsentKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What parents and staff send to change a family or a child; every field bounded, no markup anywhere. */
public final class FamilyForms {

    static final String NAME = "^[\\p{L}][\\p{L}' .-]*$";
    static final String NAME_MESSAGE = "ne peut contenir que des lettres, espaces, apostrophes et tirets";
    /** Free text: anything but angle brackets, so no markup or script can be stored. */
    static final String TEXT = "^[^<>]*$";
    static final String TEXT_MESSAGE = "ne peut pas contenir les caractères < ou >";
    static final String PHONE = "\\+?[0-9 .]{10,20}";
    static final String PHONE_MESSAGE = "doit être un numéro de téléphone";

    private FamilyForms() {
    }

    /** "Modifier les informations de la famille". */
    public record FamilyChanges(
            @NotBlank @Size(max = 200) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String address,
            @NotBlank @Pattern(regexp = "\\d{5}", message = "doit compter 5 chiffres") String postalCode,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String town,
            @Pattern(regexp = "MARIES|PACSES|VIE_MARITALE|CELIBATAIRE|SEPARES|DIVORCES|VEUF",
                    message = "doit être MARIES, PACSES, VIE_MARITALE, CELIBATAIRE, SEPARES, DIVORCES ou VEUF") String situation,
            @Pattern(regexp = "\\d{1,10}", message = "doit compter de 1 à 10 chiffres") String cafNumber,
            @NotEmpty @Size(max = 2) List<@Valid @NotNull ParentChanges> parents,
            @NotNull Map<@NotNull FamilyConsentKind, @NotNull Boolean> consents) {
    }

    public record ParentChanges(
            @NotNull UUID userId,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String firstName,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String lastName,
            @NotBlank @Email @Size(max = 254) String email,
            @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone) {
    }

    /** "Voir / Modifier la fiche enfant" (also used to add a child). */
    public record ChildForm(
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String firstName,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String lastName,
            @NotNull @Past LocalDate birthDate,
            @Size(max = 150) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String school,
            @Size(max = 30) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String className,
            @Size(max = 2000) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String healthNotes,
            @Size(max = 1000) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String allergies,
            @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String doctorName,
            @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String doctorPhone,
            @Size(max = 10) List<@Valid @NotNull Person> authorizedPickups,
            @Size(max = 5) List<@Valid @NotNull Person> emergencyContacts,
            Map<@NotNull ChildAuthorizationKind, @NotNull Boolean> authorizations) {
    }

    /** Someone allowed to pick the child up, or to call in an emergency. */
    public record Person(
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
            @NotBlank @Size(max = 50) @Pattern(regexp = NAME, message = NAME_MESSAGE) String relationship,
            @NotBlank @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone) {
    }

    /** Set by staff from the CAF/MSA notification or the tax notice. */
    public record QuotientFamilialForm(
            @NotNull @Min(0) @Max(100_000) Integer value,
            @NotNull @Pattern(regexp = "CAF|MSA|AVIS_IMPOSITION|MANUEL", message = "doit être CAF, MSA, AVIS_IMPOSITION ou MANUEL") String source,
            @Future LocalDate validUntil) {
    }
}

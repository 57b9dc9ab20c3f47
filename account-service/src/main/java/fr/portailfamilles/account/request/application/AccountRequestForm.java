package fr.portailfamilles.account.request.application;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The account request form, as the guide's step 2 describes it. */
public record AccountRequestForm(
        @NotNull @Valid Family family,
        @NotEmpty @Size(max = 2) List<@Valid Parent> parents,
        @NotEmpty @Size(max = 12) List<@Valid Child> children,
        @NotBlank @Pattern(regexp = "\\d{4}-\\d{4}", message = "doit être de la forme 2026-2027") String schoolYear,
        @AssertTrue(message = "doit être accepté pour traiter la demande") boolean dataProcessingConsent) {

    private static final String NAME = "^[\\p{L}][\\p{L}' .-]*$";

    public record Family(
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "ne peut contenir que des lettres, espaces, apostrophes et tirets") String name,
            @NotBlank @Size(max = 200) String address,
            @NotBlank @Pattern(regexp = "\\d{5}", message = "doit compter 5 chiffres") String postalCode,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "ne peut contenir que des lettres, espaces, apostrophes et tirets") String town) {
    }

    public record Parent(
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "ne peut contenir que des lettres, espaces, apostrophes et tirets") String firstName,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "ne peut contenir que des lettres, espaces, apostrophes et tirets") String lastName,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Pattern(regexp = "\\+?[0-9 .]{10,20}", message = "doit être un numéro de téléphone") String phone) {
    }

    public record Child(
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "ne peut contenir que des lettres, espaces, apostrophes et tirets") String firstName,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "ne peut contenir que des lettres, espaces, apostrophes et tirets") String lastName,
            @NotNull @Past LocalDate birthDate,
            @Size(max = 150) String school) {
    }

    public Parent contact() {
        return parents.get(0);
    }
}

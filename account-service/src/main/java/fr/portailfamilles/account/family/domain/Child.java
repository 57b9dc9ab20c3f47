package fr.portailfamilles.account.family.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import io.r2dbc.postgresql.codec.Json;

/** "La fiche enfant": identity, school, health, doctor, who may pick the child up, whom to call. */
@Table("child")
public record Child(@Id UUID id, UUID familyId, String firstName, String lastName, LocalDate birthDate, String school,
        String className, String healthNotes, String allergies, String doctorName, String doctorPhone,
        Json authorizedPickups, Json emergencyContacts, Instant createdAt, Instant updatedAt) {

    public static Child create(UUID id, UUID familyId, String firstName, String lastName, LocalDate birthDate, String school) {
        return new Child(id, familyId, firstName, lastName, birthDate, school, null, null, null, null, null,
                Json.of("[]"), Json.of("[]"), null, null);
    }
}

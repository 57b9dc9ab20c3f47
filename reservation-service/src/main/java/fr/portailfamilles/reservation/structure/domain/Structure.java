package fr.portailfamilles.reservation.structure.domain;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A place that welcomes children; activities, periods and capacities hang off it. */
@Table("structure")
public record Structure(@Id UUID id, String name, StructureKind kind, String address, String town, String contactEmail,
        Instant createdAt) {

    public static Structure create(String name, StructureKind kind, String address, String town, String contactEmail) {
        return new Structure(null, name, kind, address, town, contactEmail, null);
    }
}

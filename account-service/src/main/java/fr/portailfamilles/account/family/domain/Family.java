package fr.portailfamilles.account.family.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A family: its address (residency), situation, CAF number, and the quotient familial staff set. */
@Table("family")
public record Family(@Id UUID id, String name, String address, String postalCode, String town, String situation,
        String cafNumber, Integer quotientFamilial, String qfSource, LocalDate qfValidUntil, Instant createdAt,
        Instant updatedAt) {

    public static Family create(String name, String address, String postalCode, String town) {
        return new Family(null, name, address, postalCode, town, null, null, null, null, null, null, null);
    }

    public Family withDetails(String address, String postalCode, String town, String situation, String cafNumber, Instant now) {
        return new Family(id, name, address, postalCode, town, situation, cafNumber, quotientFamilial, qfSource,
                qfValidUntil, createdAt, now);
    }

    public Family withQuotientFamilial(int value, String source, LocalDate validUntil, Instant now) {
        return new Family(id, name, address, postalCode, town, situation, cafNumber, value, source, validUntil,
                createdAt, now);
    }

    /** The quotient familial still in force on {@code day}, or null. */
    public Integer quotientFamilialOn(LocalDate day) {
        return quotientFamilial != null && (qfValidUntil == null || !qfValidUntil.isBefore(day)) ? quotientFamilial : null;
    }
}

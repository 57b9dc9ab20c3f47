package fr.portailfamilles.account.request.domain;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import io.r2dbc.postgresql.codec.Json;

/**
 * A family's "demande d'ouverture / actualisation de compte", pending until staff review it.
 * {@code actualisationOf} is the existing family when the contact e-mail already has an account.
 */
@Table("account_request")
public record AccountRequest(@Id UUID id, String contactEmail, String familyName, String schoolYear, Json content,
        String status, Instant receivedAt, UUID actualisationOf, UUID familyId, Instant decidedAt, UUID decidedBy,
        String rejectionReason) {

    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    public static AccountRequest pending(String contactEmail, String familyName, String schoolYear, Json content,
            UUID actualisationOf) {
        return new AccountRequest(null, contactEmail, familyName, schoolYear, content, PENDING, null, actualisationOf,
                null, null, null, null);
    }
}

package fr.portailfamilles.account.request.domain;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import io.r2dbc.postgresql.codec.Json;

/** A family's "demande d'ouverture / actualisation de compte", pending until staff review it. */
@Table("account_request")
public record AccountRequest(@Id UUID id, String contactEmail, String familyName, String schoolYear, Json content,
        String status, Instant receivedAt) {

    public static AccountRequest pending(String contactEmail, String familyName, String schoolYear, Json content) {
        return new AccountRequest(null, contactEmail, familyName, schoolYear, content, "PENDING", null);
    }
}

package fr.portailfamilles.account.auth.domain;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A one-time link (activation or password reset); only the SHA-256 of the secret is stored. */
@Table("credential_token")
public record CredentialToken(@Id String tokenHash, UUID userId, String purpose, Instant expiresAt, Instant usedAt,
        Instant createdAt) {

    public static final String ACTIVATION = "ACTIVATION";
    public static final String RESET = "RESET";

    public boolean usable(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }
}

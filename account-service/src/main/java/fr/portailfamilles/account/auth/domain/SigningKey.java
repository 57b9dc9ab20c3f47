package fr.portailfamilles.account.auth.domain;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An RSA key pair as a private JWK; the newest unretired one signs, every unretired one verifies. */
@Table("signing_key")
public record SigningKey(@Id String kid, String privateJwk, Instant createdAt, Instant retiredAt) {
}

package fr.portailfamilles.account.auth.domain;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One failed login, by subject: {@code account:<e-mail>} or {@code address:<ip>}. */
@Table("login_failure")
public record LoginFailure(@Id Long id, String subject, Instant failedAt) {

    public static LoginFailure of(String subject, Instant at) {
        return new LoginFailure(null, subject, at);
    }
}

package fr.portailfamilles.account.auth.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** Someone who logs in: a parent (with a family) or a member of staff. */
@Table("user_account")
public record UserAccount(@Id UUID id, String email, String passwordHash, List<String> roles, UUID familyId,
        String displayName, AccountStatus status, Instant createdAt) {

    public static UserAccount create(String email, String passwordHash, List<Role> roles, UUID familyId, String displayName) {
        return new UserAccount(null, email, passwordHash, roles.stream().map(Role::name).toList(), familyId, displayName,
                AccountStatus.ACTIVE, null);
    }

    /** A parent created by staff approval: no usable password until the activation link sets one. */
    public static UserAccount pendingActivation(String email, List<Role> roles, UUID familyId, String displayName) {
        return new UserAccount(null, email, NO_PASSWORD, roles.stream().map(Role::name).toList(), familyId, displayName,
                AccountStatus.PENDING_ACTIVATION, null);
    }

    /** Never matches any password (not a bcrypt hash). */
    public static final String NO_PASSWORD = "!";

    public UserAccount withPassword(String newHash) {
        return new UserAccount(id, email, newHash, roles, familyId, displayName,
                status == AccountStatus.DISABLED ? status : AccountStatus.ACTIVE, createdAt);
    }

    public boolean canLogIn() {
        return status == AccountStatus.ACTIVE;
    }
}

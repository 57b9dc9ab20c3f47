package fr.portailfamilles.platform.web;

import java.util.UUID;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import reactor.core.publisher.Mono;

/**
 * Who is calling, from the verified token. Parents carry a {@code family_id} claim: every parent
 * query is scoped by it, so another family's ids simply are not found.
 */
public record CurrentUser(UUID userId, UUID familyId, String email) {

    public static Mono<CurrentUser> get() {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication().getPrincipal())
                .cast(Jwt.class)
                .map(jwt -> new CurrentUser(UUID.fromString(jwt.getSubject()),
                        jwt.hasClaim("family_id") ? UUID.fromString(jwt.getClaimAsString("family_id")) : null,
                        jwt.getClaimAsString("email")));
    }

    /**
     * The caller when their token holds ADMIN, else a 403 problem: what STAFF may not do although
     * /api/admin/** lets them in (anonymisation, staff accounts, tariffs). Checked in the service.
     */
    public static Mono<CurrentUser> requireAdmin() {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication().getAuthorities().stream()
                        .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority())))
                .flatMap(admin -> admin ? get() : Mono.error(new ProblemException(org.springframework.http.HttpStatus.FORBIDDEN,
                        "admin-only", "Accès refusé", "Cette action est réservée aux administrateurs du portail.")));
    }

    /** The caller's family, or a refusal when the token belongs to staff without a family. */
    public static Mono<UUID> requireFamilyId() {
        return get().flatMap(user -> user.familyId() == null
                ? Mono.error(new ProblemException(org.springframework.http.HttpStatus.FORBIDDEN, "no-family",
                        "Accès refusé", "Ce compte n'est rattaché à aucune famille."))
                : Mono.just(user.familyId()));
    }
}

package fr.portailfamilles.account.auth.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import fr.portailfamilles.account.auth.domain.CredentialToken;
import fr.portailfamilles.account.auth.domain.CredentialTokenRepository;
import fr.portailfamilles.platform.web.ProblemException;
import reactor.core.publisher.Mono;

/** One-time links: 256 random bits in the link, only their SHA-256 in the database; expiring, single use. */
@Component
public class OneTimeTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CredentialTokenRepository tokens;
    private final R2dbcEntityTemplate template;
    private final Clock clock;

    public OneTimeTokens(CredentialTokenRepository tokens, R2dbcEntityTemplate template, Clock clock) {
        this.tokens = tokens;
        this.template = template;
        this.clock = clock;
    }

    /** Issues a new link secret for the user; older unused ones of the same purpose stop working. */
    public Mono<Issued> issue(UUID userId, String purpose, Duration validity) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now(clock);
        Instant expiresAt = now.plus(validity);
        return tokens.revokeAll(userId, purpose, now)
                .then(template.insert(new CredentialToken(hash(token), userId, purpose, expiresAt, null, now)))
                .thenReturn(new Issued(token, expiresAt));
    }

    /** The user the token was issued to, consuming it; a used, expired or unknown token is refused. */
    public Mono<UUID> consume(String token, String purpose) {
        String hash = hash(token);
        Instant now = Instant.now(clock);
        return tokens.findById(hash)
                .filter(stored -> stored.purpose().equals(purpose))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.BAD_REQUEST, "invalid-link", "Lien inutilisable", "Ce lien n'est pas valide. Vérifiez que vous avez copié le lien complet reçu par e-mail.")))
                .flatMap(stored -> {
                    if (stored.usedAt() != null) {
                        return Mono.error(refused("link-already-used", "Ce lien a déjà été utilisé. Connectez-vous, ou demandez un nouveau lien avec « Mot de passe oublié ».")); 
                    }
                    if (!stored.expiresAt().isAfter(now)) {
                        return Mono.error(refused("link-expired", "Ce lien a expiré. Demandez un nouveau lien avec « Mot de passe oublié » ou contactez le service Portail-familles."));
                    }
                    return tokens.consume(hash, now).flatMap(updated -> updated == 1 ? Mono.just(stored.userId())
                            : Mono.error(refused("link-already-used", "Ce lien a déjà été utilisé.")));
                });
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static ProblemException refused(String type, String detail) {
        return new ProblemException(HttpStatus.GONE, type, "Lien inutilisable", detail);
    }

    public record Issued(String token, Instant expiresAt) {
    }
}

package fr.portailfamilles.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;

import fr.portailfamilles.platform.web.ProblemException;
import reactor.core.publisher.Mono;

/**
 * Idempotency-Key as the IETF httpapi draft describes it, scoped to the caller: the key is claimed in
 * its own short transaction (so a second request sees it in flight), the answer is stored in the
 * transaction of the work itself, and a refused request gives its key back so it can be retried.
 * A service that uses it has the table {@code idempotency_key (caller, key, request_hash, status,
 * response_status, response_body, created_at, PRIMARY KEY (caller, key))} in its own migrations.
 */
public class IdempotencyKeys {

    private final DatabaseClient database;
    private final Clock clock;

    public IdempotencyKeys(DatabaseClient database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public record Stored(int status, String body) {
    }

    /** Empty when the key is new and now claimed; the stored answer when this exact request was already answered. */
    public Mono<Optional<Stored>> claim(String caller, String key, String request) {
        if (key == null || key.isBlank() || key.length() > 255) {
            return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "idempotency-key-missing", "Requête incomplète",
                    "L'en-tête Idempotency-Key (255 caractères au plus) est obligatoire pour cette demande."));
        }
        String hash = sha256(request);
        return database.sql("""
                        INSERT INTO idempotency_key (caller, key, request_hash, status, created_at)
                        VALUES (:caller, :key, :hash, 'IN_FLIGHT', :now) ON CONFLICT DO NOTHING""")
                .bind("caller", caller).bind("key", key).bind("hash", hash).bind("now", clock.instant())
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 1 ? Mono.just(Optional.<Stored>empty()) : database.sql(
                                "SELECT request_hash, status, response_status, response_body FROM idempotency_key WHERE caller = :caller AND key = :key")
                        .bind("caller", caller).bind("key", key)
                        .map(row -> new Claimed(row.get("request_hash", String.class), row.get("status", String.class),
                                row.get("response_status", Integer.class), row.get("response_body", String.class)))
                        .one()
                        // Judged once the row is read: an error thrown while the driver streams rows can hand the connection back mid-protocol.
                        .map(claimed -> claimed.answerTo(hash))
                        // Given back between our insert and this read: try once more.
                        .switchIfEmpty(Mono.defer(() -> claim(caller, key, request))));
    }

    private record Claimed(String requestHash, String status, Integer responseStatus, String responseBody) {

        Optional<Stored> answerTo(String hash) {
            if (!hash.equals(requestHash)) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Clé déjà utilisée",
                        "Cette clé Idempotency-Key a déjà servi pour une autre demande : utilisez une nouvelle clé.");
            }
            if ("IN_FLIGHT".equals(status)) {
                throw new ProblemException(HttpStatus.CONFLICT, "idempotency-key-in-flight", "Demande en cours",
                        "Cette demande est déjà en cours de traitement : patientez quelques secondes puis rechargez la page.");
            }
            return Optional.of(new Stored(responseStatus, responseBody));
        }
    }

    /** Stores the answer; call inside the work's transaction. */
    public Mono<Void> complete(String caller, String key, int status, String body) {
        return database.sql("""
                        UPDATE idempotency_key SET status = 'DONE', response_status = :status, response_body = :body
                        WHERE caller = :caller AND key = :key""")
                .bind("status", status).bind("body", body).bind("caller", caller).bind("key", key)
                .then();
    }

    /** The work was refused or failed: the key may be used again. */
    public Mono<Void> giveBack(String caller, String key) {
        return database.sql("DELETE FROM idempotency_key WHERE caller = :caller AND key = :key AND status = 'IN_FLIGHT'")
                .bind("caller", caller).bind("key", key)
                .then();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

package fr.portailfamilles.account.auth.application;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import fr.portailfamilles.account.auth.domain.SigningKey;
import fr.portailfamilles.account.auth.domain.SigningKeyRepository;
import reactor.core.publisher.Mono;

/**
 * The RSA keys tokens are signed with. They live in the database so every instance signs with and
 * publishes the same set; a key is created on first start, and rotation is adding a newer one
 * (the old one keeps verifying until it is retired).
 */
@Component
public class SigningKeys {

    private static final Duration REFRESH = Duration.ofMinutes(5);

    private final SigningKeyRepository repository;
    private final R2dbcEntityTemplate template;
    private final Mono<List<RSAKey>> active;

    public SigningKeys(SigningKeyRepository repository, R2dbcEntityTemplate template) {
        this.repository = repository;
        this.template = template;
        this.active = loadOrCreate().cache(keys -> REFRESH, error -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** The newest active key, which signs new tokens. */
    public Mono<RSAKey> current() {
        return active.map(keys -> keys.get(0));
    }

    /** Public halves of every active key, as published at {@code /.well-known/jwks.json}. */
    public Mono<JWKSet> publicKeys() {
        return active.map(keys -> new JWKSet(keys.stream().map(key -> (com.nimbusds.jose.jwk.JWK) key.toPublicJWK()).toList()));
    }

    /** Adds a new signing key; tokens signed by older keys stay valid until those are retired. */
    public Mono<RSAKey> rotate() {
        RSAKey key = generate();
        return template.insert(new SigningKey(key.getKeyID(), key.toJSONString(), null, null)).thenReturn(key);
    }

    private Mono<List<RSAKey>> loadOrCreate() {
        return repository.findActiveNewestFirst()
                .map(SigningKeys::parse)
                .collectList()
                .flatMap(keys -> keys.isEmpty() ? rotate().map(List::of) : Mono.just(keys));
    }

    private static RSAKey parse(SigningKey stored) {
        try {
            return RSAKey.parse(stored.privateJwk());
        }
        catch (ParseException ex) {
            throw new IllegalStateException("Unreadable signing key " + stored.kid(), ex);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

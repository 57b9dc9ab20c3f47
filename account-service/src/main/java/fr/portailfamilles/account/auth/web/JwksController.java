package fr.portailfamilles.account.auth.web;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.account.auth.application.SigningKeys;
import reactor.core.publisher.Mono;

/** The public keys every service and the gateway verify tokens with. */
@RestController
public class JwksController {

    private final SigningKeys keys;

    public JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = "application/jwk-set+json")
    public Mono<ResponseEntity<Map<String, Object>>> jwks() {
        return keys.publicKeys().map(set -> ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(set.toJSONObject()));
    }
}

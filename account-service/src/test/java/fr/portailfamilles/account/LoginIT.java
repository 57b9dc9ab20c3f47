package fr.portailfamilles.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import fr.portailfamilles.account.auth.domain.Role;
import fr.portailfamilles.account.auth.domain.UserAccount;
import fr.portailfamilles.account.auth.domain.UserAccountRepository;
import fr.portailfamilles.testsupport.IntegrationTest;

@IntegrationTest
class LoginIT {

    static final String PASSWORD = "Un-mot-de-passe-solide-42";

    @Autowired
    WebTestClient web;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void whenStaffLogsInThenASignedTokenAndAnHttpOnlyCookieComeBack() throws Exception {
        String email = staff();

        var result = web.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email.toUpperCase(), "password", PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.SET_COOKIE, cookie -> assertThat(cookie)
                        .startsWith("pf_access=").containsIgnoringCase("HttpOnly").contains("Secure").contains("SameSite=Strict"))
                .expectBody(Map.class).returnResult().getResponseBody();
        String token = (String) result.get("accessToken");
        assertThat(((Number) result.get("expiresIn")).longValue()).isEqualTo(1800);

        SignedJWT jwt = SignedJWT.parse(token);
        String jwks = web.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        RSAKey key = JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
        assertThat(key.isPrivate()).as("only public halves are published").isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("https://portail-familles.fr");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("portail-familles");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("STAFF");

        web.get().uri("/api/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo(email).jsonPath("$.roles[0]").isEqualTo("STAFF");
        web.get().uri("/api/auth/me").cookie("pf_access", token).exchange()
                .expectStatus().isOk();
    }

    @Test
    void whenThePasswordIsWrongOrTheEmailUnknownThenTheSameProblemComesBack() {
        String email = staff();
        for (var credentials : List.of(Map.of("email", email, "password", "mauvais-mot-de-passe"),
                Map.of("email", "inconnu-" + UUID.randomUUID() + "@exemple.fr", "password", PASSWORD))) {
            web.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(credentials)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/invalid-credentials")
                    .jsonPath("$.detail").isEqualTo("E-mail ou mot de passe incorrect.");
        }
    }

    @Test
    void whenNoOrAForgedTokenIsSentThenTheApiAnswers401Problem() throws Exception {
        web.get().uri("/api/auth/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        RSAKey attacker = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("forged").generate();
        var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer("https://portail-familles.fr")
                .audience("portail-familles").subject(UUID.randomUUID().toString())
                .expirationTime(new java.util.Date(System.currentTimeMillis() + 60_000)).claim("roles", List.of("ADMIN")).build();
        SignedJWT forged = new SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256)
                .keyID("forged").build(), claims);
        forged.sign(new com.nimbusds.jose.crypto.RSASSASigner(attacker));
        web.get().uri("/api/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + forged.serialize()).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void whenAUserWithAFormerBcryptCost12HashLogsInThenTheHashIsStoredAgainWithArgon2id() {
        String email = "ancien-" + UUID.randomUUID() + "@portail-familles.fr";
        String legacy = new BCryptPasswordEncoder(12).encode(PASSWORD);
        assertThat(legacy).startsWith("$2a$12$");
        UUID id = accounts.save(UserAccount.create(email, legacy, List.of(Role.STAFF), null, "Agent Ancien")).block().id();

        web.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD)).exchange().expectStatus().isOk();

        String upgraded = accounts.findById(id).block().passwordHash();
        assertThat(upgraded).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(passwordEncoder.matches(PASSWORD, upgraded)).isTrue();
        assertThat(passwordEncoder.upgradeEncoding(upgraded)).isFalse();
        web.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD)).exchange().expectStatus().isOk();
        assertThat(accounts.findById(id).block().passwordHash()).as("hashed once, not at every login").isEqualTo(upgraded);
    }

    @Test
    void aWrongPasswordLeavesTheFormerHashAsItWas() {
        String email = "ancien-" + UUID.randomUUID() + "@portail-familles.fr";
        String legacy = new BCryptPasswordEncoder(12).encode(PASSWORD);
        UUID id = accounts.save(UserAccount.create(email, legacy, List.of(Role.STAFF), null, "Agent Ancien")).block().id();

        web.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "pas-le-bon-mot-de-passe")).exchange().expectStatus().isUnauthorized();

        assertThat(accounts.findById(id).block().passwordHash()).isEqualTo(legacy);
    }

    @Test
    void logoutClearsTheCookie() {
        web.post().uri("/api/auth/logout").exchange()
                .expectStatus().isNoContent()
                .expectHeader().value(HttpHeaders.SET_COOKIE, cookie -> assertThat(cookie).contains("pf_access=;").contains("Max-Age=0"));
    }

    private String staff() {
        String email = "agent-" + UUID.randomUUID() + "@portail-familles.fr";
        accounts.save(UserAccount.create(email, passwordEncoder.encode(PASSWORD), List.of(Role.STAFF), null, "Agent Test")).block();
        return email;
    }
}

package fr.portailfamilles.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Real signed tokens for service integration tests, as account-service issues them, verified by the
 * service through a real JWKS endpoint this class serves ({@link RealInfrastructureInitializer} points
 * {@code portail.security.jwks-uri} at it). Sent over real HTTP, unlike {@code mockJwt()}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://portail-familles.fr";
    public static final String AUDIENCE = "portail-familles";

    private static RSAKey key;
    private static HttpServer jwksServer;

    private TestTokens() {
    }

    /** A parent of {@code familyId}. */
    public static String parent(UUID familyId) {
        return sign(UUID.randomUUID(), List.of("PARENT"), familyId, "parent-" + familyId + "@exemple.fr");
    }

    public static String staff() {
        return sign(UUID.randomUUID(), List.of("STAFF"), null, "agent@portail-familles.fr");
    }

    public static String admin() {
        return sign(UUID.randomUUID(), List.of("ADMIN", "STAFF"), null, "admin@portail-familles.fr");
    }

    public static String sign(UUID userId, List<String> roles, UUID familyId, String email) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(userId.toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(30, ChronoUnit.MINUTES)))
                .claim("roles", roles).claim("email", email).claim("name", "Test");
        if (familyId != null) {
            claims.claim("family_id", familyId.toString());
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key().getKeyID()).build(), claims.build());
            jwt.sign(new RSASSASigner(key()));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The JWKS URL of the test key, served for the whole JVM. */
    public static synchronized String jwksUri() {
        if (jwksServer == null) {
            byte[] body = new JWKSet(key().toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            try {
                jwksServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            jwksServer.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            jwksServer.setExecutor(null);
            jwksServer.start();
        }
        return "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks.json";
    }

    private static synchronized RSAKey key() {
        if (key == null) {
            try {
                key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            }
            catch (JOSEException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return key;
    }
}

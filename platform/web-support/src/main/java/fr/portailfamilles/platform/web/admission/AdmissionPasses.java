package fr.portailfamilles.platform.web.admission;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import fr.portailfamilles.platform.web.ProblemException;

/**
 * The waiting room's admission pass: a compact JWS (HS256) saying that a family was admitted to book one period,
 * until {@code exp}. reservation-service issues it; the gateway and reservation-service verify it with the same
 * secret ({@code ADMISSION_PASS_SECRET}), so the gateway can refuse a forged, expired or borrowed pass without a call.
 */
public final class AdmissionPasses {

    /** The request header the web sends the pass in. */
    public static final String HEADER = "Admission-Pass";

    /** The default of the configuration: only good with demo data on (a local run), never for a deployment. */
    public static final String LOCAL_SECRET = "local-admission-pass-secret-demo-only-change-me";

    private static final JOSEObjectType TYPE = new JOSEObjectType("admission-pass+jwt");

    private final byte[] secret;
    private final Clock clock;

    private AdmissionPasses(byte[] secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    /**
     * @param demo whether demo data is on: the local default secret is accepted only then (as billing does with
     *             {@code PAYMENT_SECRET})
     */
    public static AdmissionPasses create(String secret, boolean demo, Clock clock) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("ADMISSION_PASS_SECRET must be at least 32 bytes (HS256 key)");
        }
        if (!demo && LOCAL_SECRET.equals(secret)) {
            throw new IllegalStateException("ADMISSION_PASS_SECRET must be set, the same for the gateway and reservation-service"
                    + " (the local default only goes with demo data)");
        }
        return new AdmissionPasses(secret.getBytes(StandardCharsets.UTF_8), clock);
    }

    /** What a valid pass says. */
    public record Pass(UUID familyId, UUID userId, UUID periodId, Instant expiresAt) {
    }

    public String issue(Pass pass) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(pass.userId().toString())
                .claim("family_id", pass.familyId().toString())
                .claim("period_id", pass.periodId().toString())
                .issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(pass.expiresAt()))
                .build();
        SignedJWT jws = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYPE).build(), claims);
        try {
            jws.sign(new MACSigner(secret));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot sign an admission pass", ex);
        }
        return jws.serialize();
    }

    /**
     * The pass, when it is signed with our secret, not expired and belongs to {@code familyId}; otherwise a 403
     * problem saying which (forged, expired, another family's).
     */
    public Pass verify(String compact, UUID familyId) {
        Pass pass = read(compact);
        if (!clock.instant().isBefore(pass.expiresAt())) {
            throw refused("admission-pass-expired", "Votre laissez-passer de la salle d'attente a expiré : "
                    + "retournez dans la salle d'attente pour en obtenir un nouveau.");
        }
        if (familyId == null || !familyId.equals(pass.familyId())) {
            throw refused("admission-pass-other-family", "Ce laissez-passer de la salle d'attente a été délivré à une autre famille.");
        }
        return pass;
    }

    private Pass read(String compact) {
        try {
            SignedJWT jws = SignedJWT.parse(compact.strip());
            if (!JWSAlgorithm.HS256.equals(jws.getHeader().getAlgorithm()) || !TYPE.equals(jws.getHeader().getType())
                    || !jws.verify(new MACVerifier(secret))) {
                throw forged();
            }
            JWTClaimsSet claims = jws.getJWTClaimsSet();
            if (claims.getExpirationTime() == null) {
                throw forged();
            }
            return new Pass(UUID.fromString(claims.getStringClaim("family_id")), UUID.fromString(claims.getSubject()),
                    UUID.fromString(claims.getStringClaim("period_id")), claims.getExpirationTime().toInstant());
        }
        catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException ex) {
            throw forged();
        }
    }

    private static ProblemException forged() {
        return refused("admission-pass-invalid", "Ce laissez-passer de la salle d'attente n'est pas valide.");
    }

    public static ProblemException refused(String type, String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, type, "Laissez-passer refusé", detail);
    }
}

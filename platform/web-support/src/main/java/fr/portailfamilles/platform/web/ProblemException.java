package fr.portailfamilles.platform.web;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A domain refusal the caller can act on, rendered as RFC 9457 problem+json with a stable type URI.
 * Services throw it (or a subclass) instead of building responses by hand.
 */
public class ProblemException extends RuntimeException {

    public static final String TYPE_BASE = "https://portail-familles.fr/problems/";

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final HttpHeaders headers = new HttpHeaders();

    public ProblemException(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    /** Also used when the resource exists but belongs to another family: never say which. */
    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Introuvable", what + " introuvable.");
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, type, "Conflit", detail);
    }

    public static ProblemException invalid(String type, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, type, "Demande non valide", detail);
    }

    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** For 429 and 503: when the caller may try again. */
    public ProblemException retryAfter(Duration delay) {
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, delay.toSeconds())));
        return this;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }
}

package fr.portailfamilles.gateway.fallback;

import java.net.URI;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import fr.portailfamilles.gateway.routing.RequestIdFilter;
import fr.portailfamilles.platform.web.ProblemException;
import fr.portailfamilles.platform.web.TraceIds;

/**
 * Where each route's circuit breaker forwards when its service is down, too slow, or answered a
 * 5xx: a problem+json 503 with {@code Retry-After}, never the service's internals. Any method ends
 * here, since the forward keeps the original one.
 */
@RestController
public class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    /** The service as a family would name it, to complete "Le service ... est momentanément indisponible". */
    private static final Map<String, String> SERVICE_NAMES = Map.of(
            "account-service", "des comptes",
            "document-service", "des justificatifs",
            "reservation-service", "des réservations",
            "billing-service", "de facturation",
            "notification-service", "des messages");

    private final FallbackProperties properties;
    private final TraceIds traceIds;

    public FallbackController(FallbackProperties properties, TraceIds traceIds) {
        this.properties = properties;
        this.traceIds = traceIds;
    }

    @RequestMapping("/fallback/{service}")
    public ResponseEntity<ProblemDetail> serviceUnavailable(@PathVariable String service, ServerWebExchange exchange) {
        String name = SERVICE_NAMES.get(service);
        String detail = name == null
                ? "Le service demandé est momentanément indisponible. Réessayez dans quelques instants."
                : "Le service " + name + " est momentanément indisponible. Réessayez dans quelques instants.";
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String path = originalPath(exchange);
        log.warn("Fallback for {} on {} {}: {}", service, exchange.getRequest().getMethod(), path,
                cause == null ? "no cause recorded" : cause.toString());

        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(URI.create(ProblemException.TYPE_BASE + "service-unavailable"));
        problem.setTitle("Service momentanément indisponible");
        problem.setInstance(URI.create(path));
        problem.setProperty("traceId", traceIds.current(exchange));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(properties.retryAfter().toSeconds()))
                .body(problem);
    }

    /** The path the client called, not the internal {@code /fallback/...} one. */
    private static String originalPath(ServerWebExchange exchange) {
        String original = exchange.getAttribute(RequestIdFilter.ORIGINAL_PATH_ATTRIBUTE);
        return original != null ? original : exchange.getRequest().getPath().value();
    }
}

package fr.portailfamilles.gateway.fallback;

import java.net.URI;

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

import fr.portailfamilles.gateway.limit.RequestSizeFilter;
import fr.portailfamilles.gateway.routing.RequestIdFilter;
import fr.portailfamilles.gateway.routing.SampledLog;
import fr.portailfamilles.gateway.routing.ServiceNames;
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

    private final FallbackProperties properties;
    private final TraceIds traceIds;
    /** An open breaker answers every call here: one line per service and cause per interval, not one each. */
    private final SampledLog fallbacks;

    public FallbackController(FallbackProperties properties, TraceIds traceIds) {
        this.properties = properties;
        this.traceIds = traceIds;
        this.fallbacks = new SampledLog(log, properties.logInterval());
    }

    @RequestMapping("/fallback/{service}")
    public ResponseEntity<?> serviceUnavailable(@PathVariable String service, ServerWebExchange exchange) {
        String detail = ServiceNames.theService(service)
                + " est momentanément indisponible. Réessayez dans quelques instants.";
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String path = originalPath(exchange);
        // Not the service: the caller's body, sent without a length, ran past the gateway's limit.
        if (cause instanceof RequestSizeFilter.RequestTooLarge tooLarge) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(RequestSizeFilter.problem(tooLarge.limit(), path, traceIds.current(exchange)));
        }
        String causeName = cause == null ? "no cause recorded" : cause.getClass().getSimpleName();
        fallbacks.record(service + "/" + causeName,
                exchange.getRequest().getMethod() + " " + path + ": " + (cause == null ? causeName : cause),
                (logger, count, first) -> logger.warn("Fallback 503 for {}: {} call(s) since the last line, e.g. {}",
                        service, count, first));

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

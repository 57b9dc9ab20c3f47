package fr.portailfamilles.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import jakarta.validation.ConstraintViolationException;
import reactor.core.publisher.Mono;

/**
 * The one RFC 9457 advice of every service: domain refusals, validation errors with their
 * {@code violations}, unreadable bodies, and a plain 500 that never leaks internals. Each problem
 * carries the trace id that the logs carry too.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final TraceIds traceIds;

    public ProblemDetailsAdvice(TraceIds traceIds) {
        this.traceIds = traceIds;
    }

    @ExceptionHandler(ProblemException.class)
    public Mono<ResponseEntity<Object>> handleProblem(ProblemException ex, ServerWebExchange exchange) {
        return handleExceptionInternal(ex, ex.toProblemDetail(), ex.headers(), ex.status(), exchange);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public Mono<ResponseEntity<Object>> handleConstraintViolation(ConstraintViolationException ex, ServerWebExchange exchange) {
        ProblemDetail problem = validationProblem(ex.getConstraintViolations().stream()
                .map(violation -> Map.<String, Object>of("field", violation.getPropertyPath().toString(),
                        "message", violation.getMessage()))
                .toList());
        return handleExceptionInternal(ex, problem, null, HttpStatus.BAD_REQUEST, exchange);
    }

    @ExceptionHandler(Exception.class)
    public Mono<ResponseEntity<Object>> handleUnexpected(Exception ex, ServerWebExchange exchange) {
        if (ex instanceof ErrorResponse errorResponse) {
            return handleExceptionInternal(ex, errorResponse.getBody(), errorResponse.getHeaders(),
                    errorResponse.getStatusCode(), exchange);
        }
        log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Une erreur inattendue est survenue. Réessayez plus tard ; si elle persiste, donnez ce numéro de suivi au service.");
        problem.setType(URI.create(ProblemException.TYPE_BASE + "internal"));
        return handleExceptionInternal(ex, problem, null, HttpStatus.INTERNAL_SERVER_ERROR, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = validationProblem(ex.getFieldErrors().stream()
                .map(error -> Map.<String, Object>of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "La requête est illisible : vérifiez le format JSON et le type de chaque champ.");
        problem.setType(URI.create(ProblemException.TYPE_BASE + "malformed-request"));
        problem.setTitle("Requête illisible");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem) {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
            problem.setProperty("traceId", traceIds.current(exchange));
        }
        return super.handleExceptionInternal(ex, body, headers, status, exchange);
    }

    private static ProblemDetail validationProblem(List<Map<String, Object>> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Certains champs ne sont pas valides.");
        problem.setType(URI.create(ProblemException.TYPE_BASE + "validation"));
        problem.setTitle("Données non valides");
        problem.setProperty("violations", violations);
        return problem;
    }
}

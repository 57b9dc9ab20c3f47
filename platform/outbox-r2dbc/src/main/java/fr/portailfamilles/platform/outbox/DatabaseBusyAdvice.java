package fr.portailfamilles.platform.outbox;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

import fr.portailfamilles.platform.web.ProblemDetailsAdvice;
import fr.portailfamilles.platform.web.ProblemException;
import io.r2dbc.spi.R2dbcTransientException;
import reactor.core.publisher.Mono;

/**
 * A saturated or unreachable database (no connection within the pool's acquire time, lock or serialization
 * failure, database restarting) is a 503 the caller may retry, not a 500: with an Idempotency-Key a retried
 * booking is answered once. Runs before the catch-all of {@link ProblemDetailsAdvice}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 20)
public class DatabaseBusyAdvice {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBusyAdvice.class);

    private final ProblemDetailsAdvice problems;
    private final Duration retryAfter;

    public DatabaseBusyAdvice(ProblemDetailsAdvice problems, Duration retryAfter) {
        this.problems = problems;
        this.retryAfter = retryAfter;
    }

    @ExceptionHandler({ TransientDataAccessException.class, DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class, R2dbcTransientException.class })
    public Mono<ResponseEntity<Object>> handleBusy(Exception ex, ServerWebExchange exchange) {
        log.warn("Database busy or unreachable on {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                ex.toString());
        return problems.handleProblem(new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "service-busy", "Service momentanément saturé",
                "Beaucoup de familles utilisent le portail en ce moment : réessayez dans quelques secondes.").retryAfter(retryAfter), exchange);
    }
}

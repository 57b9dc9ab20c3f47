package fr.portailfamilles.gateway.limit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.netflix.concurrency.limits.Limiter;

import fr.portailfamilles.gateway.routing.RequestIdFilter;
import fr.portailfamilles.gateway.routing.SampledLog;
import fr.portailfamilles.gateway.routing.ServiceNames;
import fr.portailfamilles.platform.web.ProblemException;
import fr.portailfamilles.platform.web.TraceIds;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admits a request to its route only while the route's adaptive limit allows, else answers at
 * once {@code 429} problem+json with {@code Retry-After}. A web filter ahead of Spring Security's:
 * a refusal costs no token verification (an RSA check made a 429 nearly as dear as a proxied call),
 * and it runs outside the circuit breaker, so a refusal is load, never a failure of the service.
 */
@Component
public class ConcurrencyLimitFilter implements WebFilter, Ordered {

    /**
     * After {@link RequestIdFilter} (the 429 carries the request id), before Spring Security's
     * filter chain (-100, WebFluxSecurityConfiguration's, not public), and so before the routes' own
     * filters: circuit breaker, retry.
     */
    public static final int ORDER = -100 - 10;

    static final String PROBLEM_TYPE = ProblemException.TYPE_BASE + "too-many-requests";

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyLimitFilter.class);

    private final ConcurrencyLimits limits;
    private final RoutesByPath routes;
    private final ConcurrencyLimitProperties properties;
    private final TraceIds traceIds;
    private final JsonMapper json;
    private final SampledLog refusals;

    public ConcurrencyLimitFilter(ConcurrencyLimits limits, RoutesByPath routes, ConcurrencyLimitProperties properties,
            TraceIds traceIds, JsonMapper json) {
        this.limits = limits;
        this.routes = routes;
        this.properties = properties;
        this.traceIds = traceIds;
        this.json = json;
        this.refusals = new SampledLog(log, properties.logInterval());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        Optional<Gate> gate = routes.routeOf(path)
                .flatMap(route -> limits.gate(route, exchange.getRequest().getMethod(), routes.isWaitingRoom(path)));
        if (gate.isEmpty()) {
            return chain.filter(exchange);
        }
        // Not switchIfEmpty after the chain: an admitted exchange also completes empty.
        return gate.get().acquire(properties.maxWait()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(listener -> listener.isPresent()
                        ? admitted(exchange, chain, listener.get())
                        : refuse(exchange, gate.get()));
    }

    /**
     * Gives the place back once the answer is written: a 5xx, a timeout or a connect error is a
     * drop. An open breaker's instant 503, a client gone away, and a request stopped before it was
     * sent to the service (no or a bad token: 401, 403) tell nothing about the service's latency:
     * ignored, or they would make a failing service look fast and grow its limit.
     */
    private Mono<Void> admitted(ServerWebExchange exchange, WebFilterChain chain, Limiter.Listener listener) {
        AtomicBoolean released = new AtomicBoolean();
        return chain.filter(exchange)
                .doOnSuccess(done -> {
                    if (released.compareAndSet(false, true)) {
                        HttpStatusCode status = exchange.getResponse().getStatusCode();
                        Throwable breakerCause = exchange.getAttribute(
                                ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
                        if (breakerCause instanceof CallNotPermittedException) {
                            listener.onIgnore();
                        }
                        // The breaker's fallback forgets that the call was routed: its cause says it was.
                        else if (breakerCause == null && !ServerWebExchangeUtils.isAlreadyRouted(exchange)) {
                            listener.onIgnore();
                        }
                        else if (breakerCause != null || (status != null && status.is5xxServerError())) {
                            listener.onDropped();
                        }
                        else {
                            listener.onSuccess();
                        }
                    }
                })
                .doOnError(error -> {
                    if (released.compareAndSet(false, true)) {
                        listener.onDropped();
                    }
                })
                .doOnCancel(() -> {
                    if (released.compareAndSet(false, true)) {
                        listener.onIgnore();
                    }
                });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, Gate gate) {
        gate.countRefusal();
        refusals.record(gate.route() + "/" + gate.requestClass().tag(), gate.route(), (logger, count, route) ->
                logger.warn("Route {} ({}) at its limit of {} in flight: {} request(s) refused with 429 since the last line",
                        route, gate.requestClass().tag(), gate.limit(), count));

        String path = exchange.getAttribute(RequestIdFilter.ORIGINAL_PATH_ATTRIBUTE);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", URI.create(PROBLEM_TYPE).toString());
        problem.put("title", "Trop de demandes en ce moment");
        problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        problem.put("detail", ServiceNames.theService(gate.route())
                + " reçoit beaucoup de demandes en ce moment. Votre demande n'a pas été traitée : "
                + "réessayez dans quelques secondes.");
        problem.put("instance", path != null ? path : exchange.getRequest().getPath().value());
        problem.put("traceId", traceIds.current(exchange));

        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(properties.retryAfter().toSeconds()));
        response.getHeaders().setCacheControl("no-store");
        byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}

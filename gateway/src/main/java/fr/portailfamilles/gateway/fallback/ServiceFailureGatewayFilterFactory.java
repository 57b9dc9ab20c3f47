package fr.portailfamilles.gateway.fallback;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * {@code ServiceFailure} route filter, just inside the circuit breaker: turns a service's failing
 * answer (the statuses listed) into an error the breaker counts and answers with its fallback.
 * A {@code 503} with {@code Retry-After} is not one: it is the service shedding load on purpose (its
 * {@code service-busy} problem, pool saturated), so it goes to the client unchanged and the breaker
 * does not count it: opening on it would refuse everyone for 10 s because the service asked some to
 * come back in a second. A 503 without {@code Retry-After}, other 5xx, connect errors and timeouts
 * still count.
 */
@Component
public class ServiceFailureGatewayFilterFactory extends AbstractGatewayFilterFactory<ServiceFailureGatewayFilterFactory.Config> {

    public ServiceFailureGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("statusCodes");
    }

    @Override
    public ShortcutType shortcutType() {
        return ShortcutType.GATHER_LIST;
    }

    @Override
    public GatewayFilter apply(Config config) {
        Set<Integer> failures = config.getStatusCodes().stream().flatMap(codes -> Arrays.stream(codes.split(",")))
                .map(String::trim).filter(code -> !code.isEmpty()).map(Integer::valueOf)
                .collect(Collectors.toUnmodifiableSet());
        return (exchange, chain) -> chain.filter(exchange).then(Mono.defer(() -> {
            ServerHttpResponse response = exchange.getResponse();
            HttpStatusCode status = response.getStatusCode();
            if (status == null || !failures.contains(status.value()) || isShedding(response)) {
                return Mono.empty();
            }
            return Mono.error(new ServiceFailedException(status));
        }));
    }

    /** The service's own "busy, come back later": a 503 that says when. */
    static boolean isShedding(ServerHttpResponse response) {
        return HttpStatus.SERVICE_UNAVAILABLE.isSameCodeAs(response.getStatusCode())
                && response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER) != null;
    }

    /** What the breaker records, and the fallback logs as the cause. */
    public static final class ServiceFailedException extends RuntimeException {

        ServiceFailedException(HttpStatusCode status) {
            super("The service answered " + status.value(), null, false, false);
        }
    }

    public static class Config {

        /** The statuses that are a failure of the service (500,502,503,504). */
        private List<String> statusCodes = List.of();

        public List<String> getStatusCodes() {
            return statusCodes;
        }

        public void setStatusCodes(List<String> statusCodes) {
            this.statusCodes = statusCodes;
        }
    }
}

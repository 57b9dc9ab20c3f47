package fr.portailfamilles.gateway.routing;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} (the caller's when it is a sane token, else a new
 * one), passes it to the service and echoes it on the response, 401s and fallbacks included, so a
 * family's report can be matched with the logs of every hop. Also remembers the path the client
 * called, which a circuit-breaker forward to {@code /fallback/...} would otherwise hide.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

    public static final String HEADER = "X-Request-Id";

    /** Exchange attribute: the request path as the client sent it. */
    public static final String ORIGINAL_PATH_ATTRIBUTE = RequestIdFilter.class.getName() + ".originalPath";

    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String given = request.getHeaders().getFirst(HEADER);
        String requestId = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        exchange.getAttributes().put(ORIGINAL_PATH_ATTRIBUTE, request.getPath().value());
        // At commit time, so that neither a retry's reset nor the service's own headers drop it.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        ServerHttpRequest withId = request.mutate().headers(headers -> headers.set(HEADER, requestId)).build();
        return chain.filter(exchange.mutate().request(withId).build());
    }
}

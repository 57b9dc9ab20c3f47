package fr.portailfamilles.gateway.fallback;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * A service's {@code 503} with {@code Retry-After} is not retried by the gateway's GET retry: the
 * service has just said it is saturated and when to come back, and two immediate retries would
 * triple the load it is shedding. Runs inside every route's Retry filter (just before the call is
 * sent) and tells it that its attempts are spent; the answer then reaches the client as it is.
 */
@Component
public class SheddingIsFinalFilter implements GlobalFilter, Ordered {

    /** Attempts the Retry filter counts as made: far above any configured number of retries. */
    private static final int SPENT = Integer.MAX_VALUE / 2;

    @Override
    public int getOrder() {
        return NettyRoutingFilter.ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).then(Mono.fromRunnable(() -> {
            if (ServiceFailureGatewayFilterFactory.isShedding(exchange.getResponse())) {
                exchange.getAttributes().put(RetryGatewayFilterFactory.RETRY_ITERATION_KEY, SPENT);
            }
        }));
    }
}

package fr.portailfamilles.gateway.limit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import fr.portailfamilles.gateway.routing.RequestIdFilter;
import fr.portailfamilles.platform.web.ProblemException;
import fr.portailfamilles.platform.web.TraceIds;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caps request bodies before they reach a service ({@code portail.gateway.request-size}): a declared
 * Content-Length over the path's limit is answered 413 problem+json at once, the body unread; a body sent
 * without a length is counted as it streams and cut at the limit ({@link RequestTooLarge}, answered 413
 * by the fallback, never counted against the service). Ahead of the concurrency limits and of security:
 * an oversize request takes no place and costs no token check.
 */
@Component
public class RequestSizeFilter implements WebFilter, Ordered {

    static final String PROBLEM_TYPE = ProblemException.TYPE_BASE + "request-too-large";
    private static final String TITLE = "Envoi trop volumineux";

    private record Limit(PathPattern pattern, long max) {
    }

    private final List<Limit> larger;
    private final long max;
    private final TraceIds traceIds;
    private final JsonMapper json;

    public RequestSizeFilter(RequestSizeProperties properties, TraceIds traceIds, JsonMapper json) {
        this.larger = properties.larger().stream()
                .map(entry -> new Limit(PathPatternParser.defaultInstance.parse(entry.path()), entry.max().toBytes()))
                .toList();
        this.max = properties.max().toBytes();
        this.traceIds = traceIds;
        this.json = json;
    }

    @Override
    public int getOrder() {
        return ConcurrencyLimitFilter.ORDER - 5;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long limit = limitOf(exchange.getRequest().getPath().pathWithinApplication());
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return refuse(exchange, limit);
        }
        // A length declared, or none and no chunked body coming (a GET): nothing more to count.
        if (declared >= 0 || !exchange.getRequest().getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        AtomicLong received = new AtomicLong();
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnNext(buffer -> {
                    if (received.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        throw new RequestTooLarge(limit);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    long limitOf(PathContainer path) {
        for (Limit entry : larger) {
            if (entry.pattern().matches(path)) {
                return entry.max();
            }
        }
        return max;
    }

    private Mono<Void> refuse(ServerWebExchange exchange, long limit) {
        String path = exchange.getAttribute(RequestIdFilter.ORIGINAL_PATH_ATTRIBUTE);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // The unread body stays on the connection: close it rather than read it to reuse the connection.
        response.getHeaders().setConnection("close");
        byte[] body = json.writeValueAsString(problem(limit, path != null ? path : exchange.getRequest().getPath().value(),
                traceIds.current(exchange))).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** The 413 problem, shared with the fallback that answers a body cut while it streamed. */
    public static Map<String, Object> problem(long limit, String path, String traceId) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", URI.create(PROBLEM_TYPE).toString());
        problem.put("title", TITLE);
        problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
        problem.put("detail", detail(limit));
        problem.put("instance", path);
        problem.put("traceId", traceId);
        problem.put("maxBytes", limit);
        return problem;
    }

    private static String detail(long limit) {
        return "L'envoi dépasse la taille maximale acceptée (" + megabytes(limit) + ").";
    }

    private static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " Mo" : (bytes / 1024) + " Ko";
    }

    /**
     * A body without a length ran past its limit while streaming. An {@link ErrorResponseException} carrying the
     * 413 problem, so that wherever it surfaces (the route's fallback, web-support's advice) the caller gets it.
     */
    public static class RequestTooLarge extends ErrorResponseException {

        private final long limit;

        RequestTooLarge(long limit) {
            super(HttpStatus.CONTENT_TOO_LARGE, body(limit), null);
            this.limit = limit;
        }

        private static ProblemDetail body(long limit) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail(limit));
            problem.setType(URI.create(PROBLEM_TYPE));
            problem.setTitle(TITLE);
            problem.setProperty("maxBytes", limit);
            return problem;
        }

        public long limit() {
            return limit;
        }
    }
}

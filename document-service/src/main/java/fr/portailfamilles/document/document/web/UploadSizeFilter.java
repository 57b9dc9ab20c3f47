package fr.portailfamilles.document.document.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import fr.portailfamilles.document.document.application.DocumentProperties;
import fr.portailfamilles.platform.web.ProblemException;
import fr.portailfamilles.platform.web.TraceIds;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses an upload whose declared length is over {@code portail.documents.max-request-size} before a byte
 * of it is read or spooled (413 problem). A body sent without a length is bounded while it streams by the
 * multipart limits (application.yml).
 */
@Component
public class UploadSizeFilter implements WebFilter, Ordered {

    private final long maxRequestSize;
    private final long maxFileSize;
    private final TraceIds traceIds;
    private final JsonMapper json;

    public UploadSizeFilter(DocumentProperties properties, TraceIds traceIds, JsonMapper json) {
        this.maxRequestSize = properties.maxRequestSize().toBytes();
        this.maxFileSize = properties.maxSize().toBytes();
        this.traceIds = traceIds;
        this.json = json;
    }

    /** Before security (-100): an oversize body is refused whoever sends it, and no token is verified for it. */
    @Override
    public int getOrder() {
        return -200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length <= maxRequestSize || exchange.getRequest().getMethod() == HttpMethod.GET) {
            return chain.filter(exchange);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemException.TYPE_BASE + "request-too-large");
        problem.put("title", "Envoi trop volumineux");
        problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
        problem.put("detail", "L'envoi dépasse la taille maximale de " + (maxRequestSize / (1024 * 1024))
                + " Mo : un document ne peut pas dépasser " + (maxFileSize / (1024 * 1024)) + " Mo.");
        problem.put("instance", exchange.getRequest().getPath().value());
        problem.put("traceId", traceIds.current(exchange));
        problem.put("maxBytes", maxRequestSize);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // The unread body stays on the connection: close it rather than read 60 MB to reuse it.
        response.getHeaders().setConnection("close");
        byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}

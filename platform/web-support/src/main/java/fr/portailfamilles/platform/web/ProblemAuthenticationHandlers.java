package fr.portailfamilles.platform.web;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 as problem+json, like every other error, instead of Spring Security's empty bodies. */
public class ProblemAuthenticationHandlers {

    private final JsonMapper jsonMapper;
    private final TraceIds traceIds;

    public ProblemAuthenticationHandlers(JsonMapper jsonMapper, TraceIds traceIds) {
        this.jsonMapper = jsonMapper;
        this.traceIds = traceIds;
    }

    public ServerAuthenticationEntryPoint entryPoint() {
        return (exchange, ex) -> write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Connexion requise",
                "Connectez-vous pour accéder à cette page.");
    }

    public ServerAccessDeniedHandler accessDeniedHandler() {
        return (exchange, ex) -> write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Accès refusé",
                "Votre compte n'a pas accès à cette fonction.");
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ProblemException.TYPE_BASE + type));
        problem.setTitle(title);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        problem.setProperty("traceId", traceIds.current(exchange));
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        byte[] body = jsonMapper.writeValueAsBytes(problem);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}

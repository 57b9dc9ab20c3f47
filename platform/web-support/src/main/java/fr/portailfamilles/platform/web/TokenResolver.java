package fr.portailfamilles.platform.web;

import org.springframework.http.HttpCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** The bearer token from the {@code Authorization} header, else from the web's HttpOnly cookie. */
public class TokenResolver implements ServerAuthenticationConverter {

    private final ServerBearerTokenAuthenticationConverter header = new ServerBearerTokenAuthenticationConverter();
    private final String cookieName;

    public TokenResolver(String cookieName) {
        this.cookieName = cookieName;
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return header.convert(exchange).switchIfEmpty(Mono.defer(() -> {
            HttpCookie cookie = exchange.getRequest().getCookies().getFirst(cookieName);
            return cookie == null || cookie.getValue().isBlank() ? Mono.empty()
                    : Mono.just(new BearerTokenAuthenticationToken(cookie.getValue()));
        }));
    }
}

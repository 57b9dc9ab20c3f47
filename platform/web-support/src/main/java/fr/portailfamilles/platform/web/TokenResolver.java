package fr.portailfamilles.platform.web;

import org.springframework.http.HttpCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The bearer token from the {@code Authorization} header, else from the web's HttpOnly cookie, read only
 * where one is needed. The browser sends the cookie with every request; without the public-path skip,
 * an expired cookie would turn the login form or the account request itself into a 401.
 */
public class TokenResolver implements ServerAuthenticationConverter {

    private final ServerBearerTokenAuthenticationConverter header = new ServerBearerTokenAuthenticationConverter();
    private final String cookieName;
    private final ServerWebExchangeMatcher publicExchanges;

    public TokenResolver(String cookieName, ServerWebExchangeMatcher publicExchanges) {
        this.cookieName = cookieName;
        this.publicExchanges = publicExchanges;
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return publicExchanges.matches(exchange)
                .flatMap(result -> result.isMatch() ? Mono.<Authentication>empty() : fromRequest(exchange));
    }

    private Mono<Authentication> fromRequest(ServerWebExchange exchange) {
        return header.convert(exchange).switchIfEmpty(Mono.defer(() -> {
            HttpCookie cookie = exchange.getRequest().getCookies().getFirst(cookieName);
            return cookie == null || cookie.getValue().isBlank() ? Mono.empty()
                    : Mono.just(new BearerTokenAuthenticationToken(cookie.getValue()));
        }));
    }
}

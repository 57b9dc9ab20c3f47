package fr.portailfamilles.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import fr.portailfamilles.platform.web.ProblemAuthenticationHandlers;
import fr.portailfamilles.platform.web.SecurityProperties;
import fr.portailfamilles.platform.web.TokenResolver;
import fr.portailfamilles.platform.web.WebSupportAutoConfiguration;

/**
 * The gateway checks every token before routing, with web-support's decoder (JWKS of
 * account-service, RS256, issuer, audience, expiry) and its {@code roles} → {@code ROLE_*} mapping.
 * Services check again: the gateway is the first gate, not the only one.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurityConfiguration {

    /** What anyone may call without a token. */
    static final ServerWebExchangeMatcher PUBLIC_EXCHANGES = ServerWebExchangeMatchers.matchers(
            // The payment service's server-to-server notification is signed (HMAC), not authenticated by a token.
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST,
                    "/api/auth/login", "/api/auth/logout", "/api/account-requests", "/api/payments/notifications"),
            // The refresh token (an HttpOnly cookie on this path) is the credential: the access token has expired.
            ServerWebExchangeMatchers.pathMatchers("/api/auth/activation", "/api/auth/password-reset/**", "/api/auth/refresh"),
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/.well-known/jwks.json"),
            ServerWebExchangeMatchers.pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                    "/fallback/**"),
            webPages());

    @Bean
    SecurityWebFilterChain gatewaySecurityWebFilterChain(ServerHttpSecurity http, SecurityProperties properties,
            ReactiveJwtDecoder jwtDecoder, ProblemAuthenticationHandlers handlers) {
        return http
                // No CSRF token: the web's session cookie is HttpOnly and SameSite=Strict, so a
                // cross-site page can never make the browser send it; other clients use a bearer
                // header, which browsers never add on their own.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")))
                .authorizeExchange(exchanges -> exchanges
                        .matchers(PUBLIC_EXCHANGES).permitAll()
                        .pathMatchers("/api/admin/**").hasAnyRole("STAFF", "ADMIN")
                        .pathMatchers("/api/**").authenticated()
                        .pathMatchers("/actuator/**").hasRole("ADMIN")
                        .anyExchange().denyAll())
                .oauth2ResourceServer(oauth2 -> oauth2
                        .bearerTokenConverter(new TokenResolver(properties.cookieName(), PUBLIC_EXCHANGES))
                        .authenticationEntryPoint(handlers.entryPoint())
                        .accessDeniedHandler(handlers.accessDeniedHandler())
                        .jwt(jwt -> jwt
                                .jwtDecoder(jwtDecoder)
                                .jwtAuthenticationConverter(WebSupportAutoConfiguration.authenticationConverter())))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(handlers.entryPoint())
                        .accessDeniedHandler(handlers.accessDeniedHandler()))
                .build();
    }

    /** The static pages and assets: read-only, anything outside the API, actuator and JWKS paths. */
    private static ServerWebExchangeMatcher webPages() {
        ServerWebExchangeMatcher reads = ServerWebExchangeMatchers.matchers(
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/**"),
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.HEAD, "/**"));
        ServerWebExchangeMatcher notStatic = new NegatedServerWebExchangeMatcher(
                ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/**", "/.well-known/**"));
        return exchange -> reads.matches(exchange).flatMap(read -> read.isMatch()
                ? notStatic.matches(exchange)
                : ServerWebExchangeMatcher.MatchResult.notMatch());
    }
}

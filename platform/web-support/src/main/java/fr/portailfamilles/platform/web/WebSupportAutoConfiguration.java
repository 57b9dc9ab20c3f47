package fr.portailfamilles.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.client.WebClient;

import fr.portailfamilles.platform.web.token.TokenCacheProperties;
import fr.portailfamilles.platform.web.token.VerifiedTokenCachePostProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service shares at its HTTP edge: problem+json errors, the JWT resource server that
 * trusts account-service's JWKS. Platform defaults come from {@link PlatformDefaults}.
 */
@AutoConfiguration
@EnableWebFluxSecurity
@EnableConfigurationProperties({SecurityProperties.class, TokenCacheProperties.class})
public class WebSupportAutoConfiguration {

    /** Paths every service leaves open: probes, metrics scraped on the internal network, API docs. */
    static final List<String> INFRASTRUCTURE_PATHS = List.of("/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/webjars/**");

    @Bean
    TraceIds traceIds(ObjectProvider<io.micrometer.tracing.Tracer> tracer) {
        return new TraceIds(tracer);
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(TraceIds traceIds) {
        return new ProblemDetailsAdvice(traceIds);
    }

    @Bean
    ProblemAuthenticationHandlers problemAuthenticationHandlers(JsonMapper jsonMapper, TraceIds traceIds) {
        return new ProblemAuthenticationHandlers(jsonMapper, traceIds);
    }

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
        return verifyingDecoder(properties);
    }

    /** Checks a token's signature against account-service's JWKS, then {@link #tokenValidator}. */
    public static ReactiveJwtDecoder verifyingDecoder(SecurityProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwksUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(tokenValidator(properties));
        return decoder;
    }

    /** Every JWT decoder bean, this module's or a service's own, gets the verified-token cache in front. */
    @Bean
    static VerifiedTokenCachePostProcessor verifiedTokenCachePostProcessor(ObjectProvider<TokenCacheProperties> properties,
            ObjectProvider<MeterRegistry> meters) {
        return new VerifiedTokenCachePostProcessor(properties, meters);
    }

    /** Signature algorithm allow-list, issuer, audience and expiry: a token must pass all of them. */
    public static OAuth2TokenValidator<Jwt> tokenValidator(SecurityProperties properties) {
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.contains(properties.audience()));
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer()), audience);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, SecurityProperties properties,
            ProblemAuthenticationHandlers handlers) {
        List<String> open = new ArrayList<>(INFRASTRUCTURE_PATHS);
        open.addAll(properties.publicPaths());
        ServerWebExchangeMatcher publicExchanges = ServerWebExchangeMatchers.pathMatchers(open.toArray(String[]::new));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .matchers(publicExchanges).permitAll()
                        .pathMatchers("/api/admin/**").hasAnyRole("STAFF", "ADMIN")
                        .anyExchange().authenticated())
                .oauth2ResourceServer(oauth2 -> oauth2
                        .bearerTokenConverter(new TokenResolver(properties.cookieName(), publicExchanges))
                        .authenticationEntryPoint(handlers.entryPoint())
                        .accessDeniedHandler(handlers.accessDeniedHandler())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter())))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(handlers.entryPoint())
                        .accessDeniedHandler(handlers.accessDeniedHandler()))
                .build();
    }

    /** Roles travel in the {@code roles} claim; Spring wants them as {@code ROLE_*} authorities. */
    public static ReactiveJwtAuthenticationConverterAdapter authenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    @Bean
    @ConditionalOnMissingBean
    WebClient.Builder portailWebClientBuilder() {
        return WebClient.builder();
    }
}

package fr.portailfamilles.account.auth.web;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.account.auth.application.Authentication;
import fr.portailfamilles.account.auth.application.RefreshTokens;
import fr.portailfamilles.account.auth.application.SessionProperties;
import fr.portailfamilles.platform.web.SecurityProperties;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/auth")
public class AuthController {

    private final Authentication authentication;
    private final SecurityProperties security;
    private final SessionProperties session;

    public AuthController(Authentication authentication, SecurityProperties security, SessionProperties session) {
        this.authentication = authentication;
        this.security = security;
        this.session = session;
    }

    @Operation(summary = "Log in: the access token comes back in the body and, for the web pages, in an HttpOnly cookie,"
            + " with a refresh token in a second HttpOnly cookie only sent to /api/auth/refresh")
    @PostMapping("/login")
    public Mono<LoginResponse> login(@Valid @RequestBody LoginRequest request, ServerHttpRequest http,
            ServerHttpResponse response) {
        return authentication.login(request.email(), request.password(), clientAddress(http))
                .map(opened -> answer(opened, response));
    }

    @Operation(summary = "A new access token for the refresh cookie, which is rotated; a replayed refresh token ends its session")
    @PostMapping("/refresh")
    public Mono<LoginResponse> refresh(ServerHttpRequest http, ServerHttpResponse response) {
        String secret = refreshSecret(http);
        if (secret == null) {
            return Mono.error(RefreshTokens.ended());
        }
        // A refusal leaves the cookies alone: in the two-tab case the other tab has just set new ones.
        return authentication.refresh(secret).map(opened -> answer(opened, response));
    }

    @Operation(summary = "Log out of the web pages: the refresh cookie's session is revoked and both cookies cleared")
    @DeleteMapping("/refresh")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> endSession(ServerHttpRequest http, ServerHttpResponse response) {
        return authentication.logout(refreshSecret(http)).then(Mono.fromRunnable(() -> clearCookies(response)));
    }

    @Operation(summary = "Log out: both cookies are cleared (the refresh cookie only reaches DELETE /api/auth/refresh,"
            + " which also revokes the session)")
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> logout(ServerHttpResponse response) {
        clearCookies(response);
        return Mono.empty();
    }

    @Operation(summary = "Who the token belongs to")
    @GetMapping("/me")
    public Me me(@AuthenticationPrincipal Jwt jwt) {
        return new Me(jwt.getSubject(), jwt.getClaimAsString("email"), jwt.getClaimAsString("name"),
                jwt.getClaimAsStringList("roles"), jwt.getClaimAsString("family_id"));
    }

    /**
     * The caller's address: the last X-Forwarded-For entry, which the gateway (the only way in) appends,
     * else the connection's remote address.
     */
    static String clientAddress(ServerHttpRequest request) {
        String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].strip();
            if (!last.isEmpty() && last.length() <= 64) {
                return last;
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    }

    private LoginResponse answer(Authentication.Session opened, ServerHttpResponse response) {
        Duration refreshLeft = Duration.between(opened.refresh().token().issuedAt(), opened.refresh().token().expiresAt());
        response.addCookie(cookie(security.cookieName(), opened.access().value(), "/", opened.access().lifetime()));
        response.addCookie(cookie(session.refreshCookie(), opened.refresh().secret(), session.refreshPath(), refreshLeft));
        return new LoginResponse(opened.access().value(), opened.access().lifetime().toSeconds(), "Bearer");
    }

    private void clearCookies(ServerHttpResponse response) {
        response.addCookie(cookie(security.cookieName(), "", "/", Duration.ZERO));
        response.addCookie(cookie(session.refreshCookie(), "", session.refreshPath(), Duration.ZERO));
    }

    private ResponseCookie cookie(String name, String value, String path, Duration maxAge) {
        return ResponseCookie.from(name, value).httpOnly(true).secure(session.secureCookies()).sameSite("Strict")
                .path(path).maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge).build();
    }

    /** Only a plausible secret is looked up (43 base64url characters); anything else is no session. */
    private String refreshSecret(ServerHttpRequest http) {
        HttpCookie cookie = http.getCookies().getFirst(session.refreshCookie());
        String value = cookie == null ? null : cookie.getValue();
        return value != null && value.matches("[A-Za-z0-9_-]{43}") ? value : null;
    }

    public record LoginRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 256) String password) {
    }

    public record LoginResponse(String accessToken, long expiresIn, String tokenType) {
    }

    public record Me(String userId, String email, String displayName, List<String> roles, String familyId) {
    }
}

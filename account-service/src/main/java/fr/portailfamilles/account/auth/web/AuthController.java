package fr.portailfamilles.account.auth.web;

import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.account.auth.application.Authentication;
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

    public AuthController(Authentication authentication, SecurityProperties security) {
        this.authentication = authentication;
        this.security = security;
    }

    @Operation(summary = "Log in: the token comes back in the body and, for the web pages, in an HttpOnly cookie")
    @PostMapping("/login")
    public Mono<LoginResponse> login(@Valid @RequestBody LoginRequest request, ServerHttpRequest http,
            ServerHttpResponse response) {
        return authentication.login(request.email(), request.password(), clientAddress(http)).map(token -> {
            response.addCookie(ResponseCookie.from(security.cookieName(), token.value())
                    .httpOnly(true).secure(true).sameSite("Strict").path("/").maxAge(token.lifetime()).build());
            return new LoginResponse(token.value(), token.lifetime().toSeconds(), "Bearer");
        });
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

    @Operation(summary = "Log out of the web pages: the cookie is cleared")
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> logout(ServerHttpResponse response) {
        response.addCookie(ResponseCookie.from(security.cookieName(), "")
                .httpOnly(true).secure(true).sameSite("Strict").path("/").maxAge(0).build());
        return Mono.empty();
    }

    @Operation(summary = "Who the token belongs to")
    @GetMapping("/me")
    public Me me(@AuthenticationPrincipal Jwt jwt) {
        return new Me(jwt.getSubject(), jwt.getClaimAsString("email"), jwt.getClaimAsString("name"),
                jwt.getClaimAsStringList("roles"), jwt.getClaimAsString("family_id"));
    }

    public record LoginRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 256) String password) {
    }

    public record LoginResponse(String accessToken, long expiresIn, String tokenType) {
    }

    public record Me(String userId, String email, String displayName, List<String> roles, String familyId) {
    }
}

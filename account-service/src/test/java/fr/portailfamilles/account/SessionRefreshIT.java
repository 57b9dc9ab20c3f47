package fr.portailfamilles.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import fr.portailfamilles.account.auth.domain.Role;
import fr.portailfamilles.account.auth.domain.UserAccount;

/**
 * The web session through an opening: rotation at each refresh, a replayed token ending the whole
 * session, logout, expiry, and a password change ending every session.
 */
class SessionRefreshIT extends AccountIntegrationTest {

    static final String PASSWORD = "Une session qui dure toute l'ouverture";

    @Test
    void loginSetsARefreshCookieScopedToTheRefreshPathAndEachRefreshRotatesIt() {
        String email = user();
        EntityExchangeResult<byte[]> login = login(email);
        ResponseCookie first = login.getResponseCookies().getFirst("pf_refresh");
        assertThat(first).isNotNull();
        assertThat(first.isHttpOnly()).isTrue();
        assertThat(first.isSecure()).isTrue();
        assertThat(first.getSameSite()).isEqualTo("Strict");
        assertThat(first.getPath()).isEqualTo("/api/auth/refresh");
        assertThat(first.getMaxAge()).isEqualTo(Duration.ofHours(12));
        assertThat(stored(first.getValue())).as("only a hash is stored").isZero();

        EntityExchangeResult<byte[]> refreshed = refresh(first.getValue()).expectStatus().isOk()
                .expectBody().jsonPath("$.expiresIn").isEqualTo(1800).returnResult();
        String access = AccountFlows.json(new String(refreshed.getResponseBody())).get("accessToken").asString();
        assertThat(refreshed.getResponseCookies().getFirst("pf_access").getValue()).isEqualTo(access);
        String second = refreshed.getResponseCookies().getFirst("pf_refresh").getValue();
        assertThat(second).isNotEqualTo(first.getValue());
        web.get().uri("/api/auth/me").cookie("pf_access", access).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo(email);

        // Presented again at once (a second tab): refused, but the session goes on.
        refresh(first.getValue()).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody().jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/session-expired");
        String third = refreshCookie(refresh(second).expectStatus().isOk());
        refresh(third).expectStatus().isOk();
    }

    @Test
    void whenARotatedTokenIsReplayedLaterThenTheWholeSessionIsRevoked() {
        String email = user();
        String stolen = refreshCookie(login(email));
        String current = refreshCookie(refresh(stolen).expectStatus().isOk());
        ageRotation(stolen);

        refresh(stolen).expectStatus().isUnauthorized();

        refresh(current).expectStatus().isUnauthorized();
        assertThat(flows.count("SELECT count(*) FROM refresh_token t JOIN user_account u ON u.id = t.user_id"
                + " WHERE u.email = '" + email + "' AND t.revoked_at IS NULL")).isZero();
        // Another session of the same user (another device) is not touched.
        refresh(refreshCookie(login(email))).expectStatus().isOk();
    }

    @Test
    void logoutRevokesTheSessionAndClearsBothCookies() {
        String token = refreshCookie(login(user()));

        EntityExchangeResult<Void> logout = web.delete().uri("/api/auth/refresh").cookie("pf_refresh", token).exchange()
                .expectStatus().isNoContent().expectBody().isEmpty();
        assertThat(logout.getResponseCookies().getFirst("pf_access").getMaxAge()).isZero();
        assertThat(logout.getResponseCookies().getFirst("pf_refresh").getMaxAge()).isZero();
        assertThat(logout.getResponseCookies().getFirst("pf_refresh").getPath()).isEqualTo("/api/auth/refresh");

        refresh(token).expectStatus().isUnauthorized();
        web.delete().uri("/api/auth/refresh").exchange().expectStatus().isNoContent();
    }

    @Test
    void anExpiredOrUnknownRefreshTokenIsRefused() {
        String token = refreshCookie(login(user()));
        database.sql("UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE token_hash = encode(sha256(convert_to(:t, 'UTF8')), 'hex')")
                .bind("t", token).fetch().rowsUpdated().block();
        refresh(token).expectStatus().isUnauthorized();

        refresh("A".repeat(43)).expectStatus().isUnauthorized();
        web.post().uri("/api/auth/refresh").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void whenThePasswordChangesThenEverySessionOfTheUserEnds() {
        String email = user();
        String phone = refreshCookie(login(email));
        EntityExchangeResult<byte[]> laptop = login(email);
        String access = AccountFlows.json(new String(laptop.getResponseBody())).get("accessToken").asString();

        web.put().uri("/api/auth/password").header(HttpHeaders.AUTHORIZATION, "Bearer " + access)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", PASSWORD, "newPassword", "Un autre mot de passe bien long"))
                .exchange().expectStatus().isNoContent();

        refresh(phone).expectStatus().isUnauthorized();
        refresh(refreshCookie(laptop)).expectStatus().isUnauthorized();
    }

    private String user() {
        String email = "parent-" + UUID.randomUUID() + "@exemple.fr";
        accounts.save(UserAccount.create(email, passwordEncoder.encode(PASSWORD), List.of(Role.PARENT), null, "Parent Test"))
                .block();
        return email;
    }

    private EntityExchangeResult<byte[]> login(String email) {
        return web.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", AccountFlows.someAddress())
                .bodyValue(Map.of("email", email, "password", PASSWORD))
                .exchange().expectStatus().isOk().expectBody().returnResult();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec refresh(String token) {
        return web.post().uri("/api/auth/refresh").cookie("pf_refresh", token).exchange();
    }

    private static String refreshCookie(EntityExchangeResult<?> result) {
        return result.getResponseCookies().getFirst("pf_refresh").getValue();
    }

    private static String refreshCookie(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec spec) {
        return refreshCookie(spec.expectBody().returnResult());
    }

    private long stored(String secret) {
        return flows.count("SELECT count(*) FROM refresh_token WHERE token_hash = '" + secret + "'");
    }

    /** The rotation happened longer ago than the grace two tabs get. */
    private void ageRotation(String token) {
        database.sql("UPDATE refresh_token SET rotated_at = rotated_at - interval '1 minute'"
                + " WHERE token_hash = encode(sha256(convert_to(:t, 'UTF8')), 'hex')")
                .bind("t", token).fetch().rowsUpdated().block();
    }
}

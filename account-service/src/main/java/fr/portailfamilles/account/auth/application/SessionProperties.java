package fr.portailfamilles.account.auth.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The web session: a short access token plus a rotating refresh token, both in HttpOnly cookies.
 *
 * @param refreshIdle       a refresh token unused this long no longer works (each refresh restarts it)
 * @param refreshAbsolute   no session lasts longer than this after its login, refreshed or not
 * @param reuseGrace        a rotated token presented again within this time is refused without ending
 *                          the session (two tabs refreshing at once); later it counts as a theft
 * @param refreshCookie     the refresh cookie's name
 * @param refreshPath       the only path the browser sends the refresh cookie to
 * @param secureCookies     the cookies' Secure flag: off only for a plain-HTTP host other than localhost
 */
@Validated
@ConfigurationProperties("portail.session")
public record SessionProperties(@NotNull Duration refreshIdle, @NotNull Duration refreshAbsolute, @NotNull Duration reuseGrace,
        @NotBlank String refreshCookie, @NotBlank String refreshPath, boolean secureCookies) {
}

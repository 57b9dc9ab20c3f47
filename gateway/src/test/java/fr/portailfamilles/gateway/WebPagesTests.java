package fr.portailfamilles.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The gateway serves the web pages from the web module, open to anyone. */
class WebPagesTests extends GatewayTestSupport {

    @Test
    void whenSomeoneOpensTheSiteThenTheHomePageIsShown() {
        client.get().uri("/")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().exists("Content-Security-Policy")
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("<html lang=\"fr\">", "Connexion à votre espace", "Demande ouverture et/ou actualisation de compte"));
    }

    @Test
    void whenTheSessionCookieHasExpiredThenThePagesStillOpen() {
        client.get().uri("/connexion.html")
                .cookie("pf_access", TOKENS.expired())
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("id=\"email\"", "id=\"password\"", "id=\"login-submit\"", "id=\"login-error\""));
    }

    @Test
    void whenTheSpacePageIsOpenedThenItHasTheGreetingAndLogout() {
        client.get().uri("/espace.html")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("id=\"greeting\"", "id=\"logout\""));
    }

    @Test
    void whenThePagesLoadTheirAssetsThenTheyAreServed() {
        client.get().uri("/app.css").exchange().expectStatus().isOk();
        client.get().uri("/app.js").exchange().expectStatus().isOk();
    }

    @Test
    void whenSomeonePostsToAPageThenItIsRefused() {
        client.post().uri("/index.html")
                .exchange()
                .expectStatus().isUnauthorized();
    }
}

package fr.portailfamilles.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Each public path prefix reaches the service that owns it, path and query unchanged. */
class RoutingTests extends GatewayTestSupport {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "/api/auth/me, account-service",
            "/api/account-requests/42, account-service",
            "/api/family, account-service",
            "/api/family/children/7, account-service",
            "/api/admin/account-requests, account-service",
            "/api/admin/families/3, account-service",
            "/api/admin/families/3/audit, account-service",
            "/api/admin/families/3/reservations, reservation-service",
            "/api/admin/staff, account-service",
            "/api/documents/requirements, document-service",
            "/api/admin/documents, document-service",
            "/api/admin/document-types, document-service",
            "/api/periods, reservation-service",
            "/api/periods/p1/calendar, reservation-service",
            "/api/reservations, reservation-service",
            "/api/admin/structures, reservation-service",
            "/api/admin/activities, reservation-service",
            "/api/admin/periods, reservation-service",
            "/api/admin/reservations, reservation-service",
            "/api/admin/attendance, reservation-service",
            "/api/admin/attendance.csv, reservation-service",
            "/api/admin/attendance/r1, reservation-service",
            "/api/admin/capacity, reservation-service",
            "/api/invoices, billing-service",
            "/api/invoices/9/pdf, billing-service",
            "/api/payments/5, billing-service",
            "/api/admin/invoice-runs, billing-service",
            "/api/admin/invoices, billing-service",
            "/api/admin/invoices/9/payments, billing-service",
            "/api/admin/payments, billing-service",
            "/api/admin/tariffs, billing-service",
            "/api/messages, notification-service",
            "/api/admin/deliveries, notification-service",
            "/api/admin/deliveries/d1, notification-service"
    })
    void whenStaffCallsAPathThenItsOwningServiceAnswers(String path, String service) {
        client.get().uri(path + "?status=PENDING")
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.staff()))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(service);

        List<FakeServices.Received> received = DOWNSTREAM.receivedAt(path);
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.service()).isEqualTo(service);
            assertThat(request.query()).isEqualTo("status=PENDING");
        });
    }

    @Test
    void whenAnyoneAsksForTheJwksThenAccountServicePublishesIt() {
        client.get().uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.keys[0].kty").isEqualTo("RSA");
    }

    @Test
    void whenAPathBelongsToNoServiceThenNothingIsRouted() {
        client.get().uri("/api/unknown")
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.staff()))
                .exchange()
                .expectStatus().isNotFound();

        assertThat(DOWNSTREAM.receivedAt("/api/unknown")).isEmpty();
    }

    @Test
    void whenARequestIsRoutedThenTheServiceAndTheCallerShareItsRequestId() {
        String requestId = client.get().uri("/api/periods")
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().exists("X-Request-Id")
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(DOWNSTREAM.receivedAt("/api/periods")).singleElement()
                .satisfies(request -> assertThat(request.header("X-Request-Id")).isEqualTo(requestId));
    }

    @Test
    void whenTheCallerSendsARequestIdThenItIsKept() {
        client.get().uri("/api/periods")
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.parent()))
                .header("X-Request-Id", "mobile-app-0001")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "mobile-app-0001");

        assertThat(DOWNSTREAM.receivedAt("/api/periods")).singleElement()
                .satisfies(request -> assertThat(request.header("X-Request-Id")).isEqualTo("mobile-app-0001"));
    }

    @Test
    void whenARequestIsRoutedThenTheServiceSeesTheCallersAddressLast() {
        client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .header("X-Forwarded-For", "203.0.113.9")
                .exchange();

        assertThat(DOWNSTREAM.receivedAt("/api/auth/login")).last()
                .satisfies(request -> assertThat(request.header("X-Forwarded-For")).endsWith("127.0.0.1"));
    }
}

package fr.portailfamilles.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.events.Topics;
import fr.portailfamilles.testsupport.IntegrationTest;
import fr.portailfamilles.testsupport.TopicProbe;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class AccountRequestIT {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Test
    void whenAFamilyAsksForAnAccountThenTheRequestIsPendingAndAnnounced() {
        String email = "parent-" + UUID.randomUUID() + "@exemple.fr";

        String id = web.post().uri("/api/account-requests").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request(email, "Dupont"))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        assertThat(storedStatus(id)).isEqualTo("PENDING");

        try (TopicProbe probe = new TopicProbe(Topics.ACCOUNT_REQUEST)) {
            var records = probe.await(record -> id.equals(record.key()), Duration.ofSeconds(30));
            assertThat(records).hasSize(1);
            var record = records.get(0);
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("account.AccountRequestReceived.v1");
            assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/portail-familles/account-service");
            assertThat(TopicProbe.header(record, "ce_id")).isNotBlank();
            assertThat(TopicProbe.header(record, "ce_time")).isNotBlank();
            assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(id);
            var payload = JsonMapper.shared().readTree(record.value());
            assertThat(payload.get("contactEmail").asString()).isEqualTo(email);
            assertThat(payload.get("familyName").asString()).isEqualTo("Dupont");
        }
    }

    @Test
    void whenTheSameFamilyAsksTwiceForTheSameYearThenTheSecondIsExplained() {
        String email = "double-" + UUID.randomUUID() + "@exemple.fr";
        web.post().uri("/api/account-requests").contentType(MediaType.APPLICATION_JSON).bodyValue(request(email, "Durand"))
                .exchange().expectStatus().isAccepted();

        web.post().uri("/api/account-requests").contentType(MediaType.APPLICATION_JSON).bodyValue(request(email, "Durand"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/account-request-pending");

        assertThat(count(email)).isEqualTo(1);
    }

    @Test
    void whenTheFormIsInvalidThenProblemDetailsNameTheFieldsAndNothingIsStored() {
        String email = "invalid-" + UUID.randomUUID() + "@exemple.fr";
        Map<String, Object> form = request(email, "<script>alert(1)</script>");

        web.post().uri("/api/account-requests").contentType(MediaType.APPLICATION_JSON).bodyValue(form)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.violations[?(@.field == 'family.name')]").exists()
                .jsonPath("$.traceId").isNotEmpty();

        assertThat(count(email)).isZero();
    }

    @Test
    void whenTheBodyIsNotJsonOrHasUnknownFieldsThenItIsRefusedAsAProblem() {
        web.post().uri("/api/account-requests").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"family\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/malformed-request");

        Map<String, Object> withUnknownField = new java.util.HashMap<>(request("unknown@exemple.fr", "Petit"));
        withUnknownField.put("isAdmin", true);
        web.post().uri("/api/account-requests").contentType(MediaType.APPLICATION_JSON).bodyValue(withUnknownField)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(count("unknown@exemple.fr")).isZero();
    }

    private long count(String email) {
        return database.sql("SELECT count(*) AS n FROM account_request WHERE contact_email = :email").bind("email", email)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private String storedStatus(String id) {
        return database.sql("SELECT status FROM account_request WHERE id = :id::uuid").bind("id", id)
                .map(row -> row.get("status", String.class)).one().block();
    }

    static Map<String, Object> request(String email, String familyName) {
        return Map.of(
                "family", Map.of("name", familyName, "address", "3 rue des Écoles", "postalCode", "51100", "town", "Reims"),
                "parents", List.of(Map.of("firstName", "Léa", "lastName", familyName, "email", email, "phone", "06 12 34 56 78")),
                "children", List.of(Map.of("firstName", "Noé", "lastName", familyName, "birthDate", "2018-05-04", "school", "École Jean Macé")),
                "schoolYear", "2026-2027",
                "dataProcessingConsent", true);
    }
}

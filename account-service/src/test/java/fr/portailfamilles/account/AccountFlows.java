package fr.portailfamilles.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.account.auth.domain.Role;
import fr.portailfamilles.account.auth.domain.UserAccount;
import fr.portailfamilles.account.auth.domain.UserAccountRepository;
import fr.portailfamilles.events.Topics;
import fr.portailfamilles.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journeys the integration tests share, through the real HTTP API: a family asks, staff approve,
 * the activation link is read from the published event, the parent sets a password and logs in.
 * The service verifies only the tokens it issued itself, so every token here comes from a real login.
 */
final class AccountFlows {

    static final String STAFF_PASSWORD = "Agent-de-test-solide-2026";
    static final String PARENT_PASSWORD = "Une phrase de passe pour Léa";
    static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    private final WebTestClient web;
    private final DatabaseClient database;
    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;

    AccountFlows(WebTestClient web, DatabaseClient database, UserAccountRepository accounts, PasswordEncoder passwordEncoder) {
        this.web = web;
        this.database = database;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    static JsonNode json(String body) {
        return JsonMapper.shared().readTree(body);
    }

    /** A random client address, so tests do not share the per-address login throttle. */
    static String someAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    String staffToken() {
        String email = "agent-" + UUID.randomUUID() + "@portail-familles.fr";
        accounts.save(UserAccount.create(email, passwordEncoder.encode(STAFF_PASSWORD), List.of(Role.STAFF), null, "Agent Test")).block();
        return login(email, STAFF_PASSWORD);
    }

    String adminToken() {
        String email = "admin-" + UUID.randomUUID() + "@portail-familles.fr";
        accounts.save(UserAccount.create(email, passwordEncoder.encode(STAFF_PASSWORD), List.of(Role.ADMIN, Role.STAFF), null,
                "Administrateur Test")).block();
        return login(email, STAFF_PASSWORD);
    }

    String login(String email, String password) {
        String body = web.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", someAddress())
                .bodyValue(Map.of("email", email, "password", password))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return json(body).get("accessToken").asString();
    }

    WebTestClient.ResponseSpec loginAttempt(String email, String password, String address) {
        return web.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", address)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }

    String submit(Map<String, Object> form) {
        String body = web.post().uri("/api/account-requests").contentType(MediaType.APPLICATION_JSON).bodyValue(form)
                .exchange().expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody();
        return json(body).get("id").asString();
    }

    JsonNode approve(String requestId, String staffToken) {
        String body = web.post().uri("/api/admin/account-requests/{id}/approval", requestId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + staffToken)
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return json(body);
    }

    /** The published event of {@code ceType} on {@code topic} with key {@code key} whose payload matches. */
    static JsonNode awaitEvent(String topic, String ceType, String key, java.util.function.Predicate<JsonNode> payload) {
        try (TopicProbe probe = new TopicProbe(topic)) {
            List<ConsumerRecord<String, String>> records = probe.await(record -> key.equals(record.key())
                    && ceType.equals(TopicProbe.header(record, "ce_type")) && payload.test(json(record.value())), EVENT_TIMEOUT);
            assertThat(records).as("%s keyed %s on %s", ceType, key, topic).isNotEmpty();
            return json(records.get(records.size() - 1).value());
        }
    }

    static String activationToken(String requestId, String email) {
        JsonNode approved = awaitEvent(Topics.ACCOUNT_REQUEST, "account.AccountRequestApproved.v1", requestId,
                payload -> email.equals(payload.get("contactEmail").asString()));
        String link = approved.get("activationLink").asString();
        assertThat(link).startsWith("http://localhost:8080/activation.html?token=");
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    WebTestClient.ResponseSpec activate(String token, String password) {
        return web.post().uri("/api/auth/activation").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "password", password)).exchange();
    }

    /** A family that went through request, approval and activation; its parent is logged in. */
    ActiveFamily activeFamily(String staffToken) {
        String email = "parent-" + UUID.randomUUID() + "@exemple.fr";
        String requestId = submit(AccountRequestIT.request(email, "Bernard"));
        UUID familyId = UUID.fromString(approve(requestId, staffToken).get("familyId").asString());
        activate(activationToken(requestId, email), PARENT_PASSWORD).expectStatus().isNoContent();
        String token = login(email, PARENT_PASSWORD);
        String children = web.get().uri("/api/family/children").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        UUID childId = UUID.fromString(json(children).get(0).get("id").asString());
        return new ActiveFamily(familyId, email, token, childId);
    }

    long count(String sql) {
        return database.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    record ActiveFamily(UUID familyId, String email, String token, UUID childId) {
        String bearer() {
            return "Bearer " + token;
        }
    }
}

package fr.portailfamilles.reservation;

import static fr.portailfamilles.reservation.Fixtures.MONDAY;
import static fr.portailfamilles.reservation.Fixtures.booking;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import fr.portailfamilles.reservation.family.application.FamilyProjections;
import fr.portailfamilles.testsupport.TestTokens;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The capacity guarantee under load: two service instances (two application contexts, two R2DBC
 * connection pools, one database) take 200 simultaneous bookings of the same day over real HTTP with
 * real tokens, plus retries of the same Idempotency-Keys while the first attempts are in flight.
 */
class ConcurrencyIT extends ReservationIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyIT.class);
    private static final int FAMILIES = 200;
    private static final int RETRIES = 50;
    private static final int CAPACITY = 10;

    @Autowired
    WebTestClient web;

    @Autowired
    FamilyProjections projections;

    @Autowired
    DatabaseClient database;

    @Autowired
    Environment environment;

    ConfigurableApplicationContext secondInstance;

    @AfterEach
    void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    record Attempt(int family, String key, int status, JsonNode body) {
    }

    @Test
    void whenTwoHundredFamiliesBookTheSameDayAtOnceOnTwoInstancesThenExactlyTheCapacityIsConfirmedAndTheRestIsWaitlistedInOrder() {
        Fixtures fixtures = new Fixtures(web, projections);
        Fixtures.Offer offer = fixtures.offer("BILL", CAPACITY, CAPACITY);
        List<Fixtures.Family> families = IntStream.range(0, FAMILIES).mapToObj(i -> fixtures.family(java.time.LocalDate.of(2019, 5, 1))).toList();
        List<String> keys = families.stream().map(family -> UUID.randomUUID().toString()).toList();
        String first = "http://127.0.0.1:" + environment.getProperty("local.server.port");
        String second = "http://127.0.0.1:" + startSecondInstance().getEnvironment().getProperty("local.server.port");
        WebClient client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create(
                ConnectionProvider.builder("storm").maxConnections(FAMILIES + RETRIES).pendingAcquireMaxCount(-1)
                        .pendingAcquireTimeout(Duration.ofMinutes(2)).build()).responseTimeout(Duration.ofMinutes(2)))).build();

        // Originals alternate between the instances; retries of the first 50 keys go to the other one, at the same time.
        List<Mono<Attempt>> storm = new ArrayList<>();
        for (int i = 0; i < FAMILIES; i++) {
            storm.add(attempt(client, i % 2 == 0 ? first : second, families.get(i), keys.get(i), offer, i));
        }
        for (int i = 0; i < RETRIES; i++) {
            storm.add(attempt(client, i % 2 == 0 ? second : first, families.get(i), keys.get(i), offer, i));
        }
        long started = System.nanoTime();
        List<Attempt> attempts = Flux.merge(Flux.fromIterable(storm), storm.size()).collectList().block(Duration.ofMinutes(3));
        log.info("{} concurrent booking requests on two instances answered in {} ms", storm.size(), (System.nanoTime() - started) / 1_000_000);

        assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.status()).as("status of %s", attempt.body()).isIn(201, 409));
        Map<Integer, List<Attempt>> byFamily = attempts.stream().collect(Collectors.groupingBy(Attempt::family));
        Map<Integer, String> reservationOf = new HashMap<>();
        byFamily.forEach((family, tries) -> {
            List<Attempt> answered = tries.stream().filter(attempt -> attempt.status() == 201).toList();
            assertThat(answered).as("family %s has an answer", family).isNotEmpty();
            assertThat(answered.stream().map(attempt -> attempt.body().get("reservations").get(0).get("id").asString()).distinct())
                    .as("every answer to one key is the same booking").hasSize(1);
            tries.stream().filter(attempt -> attempt.status() == 409)
                    .forEach(attempt -> assertThat(attempt.body().get("type").asString()).endsWith("/idempotency-key-in-flight"));
            reservationOf.put(family, answered.get(0).body().get("reservations").get(0).get("id").asString());
        });

        // Retried once more, after the storm, on the other instance: the stored answer, nothing new.
        for (int i = 0; i < RETRIES; i++) {
            Attempt replay = attempt(client, i % 2 == 0 ? second : first, families.get(i), keys.get(i), offer, i).block();
            assertThat(replay.status()).isEqualTo(201);
            assertThat(replay.body().get("reservations").get(0).get("id").asString()).isEqualTo(reservationOf.get(i));
        }

        List<Map<String, Object>> rows = database.sql("""
                        SELECT status, waitlist_seq, child_id FROM reservation WHERE period_id = :period AND date = :date""")
                .bind("period", offer.periodId()).bind("date", MONDAY)
                .map(row -> Map.<String, Object>of("status", row.get("status", String.class), "child", row.get("child_id", UUID.class),
                        "seq", row.get("waitlist_seq", Integer.class) == null ? 0 : row.get("waitlist_seq", Integer.class)))
                .all().collectList().block();
        assertThat(rows).hasSize(FAMILIES);
        assertThat(rows.stream().map(row -> row.get("child")).distinct()).hasSize(FAMILIES);
        assertThat(rows.stream().filter(row -> row.get("status").equals("CONFIRMED"))).hasSize(CAPACITY);
        List<Integer> sequence = rows.stream().filter(row -> row.get("status").equals("WAITLISTED")).map(row -> (Integer) row.get("seq"))
                .sorted().toList();
        assertThat(sequence).isEqualTo(IntStream.rangeClosed(1, FAMILIES - CAPACITY).boxed().toList());
        Set<Integer> answeredRanks = byFamily.values().stream()
                .map(tries -> tries.stream().filter(attempt -> attempt.status() == 201).findFirst().orElseThrow().body().get("reservations").get(0))
                .filter(line -> line.get("status").asString().equals("WAITLISTED"))
                .map(line -> line.get("waitlistRank").asInt()).collect(Collectors.toSet());
        assertThat(answeredRanks).isEqualTo(IntStream.rangeClosed(1, FAMILIES - CAPACITY).boxed().collect(Collectors.toSet()));
        assertThat(database.sql("SELECT min(booked) AS lo, max(booked) AS hi FROM day_slot WHERE period_id = :period AND date = :date AND age_group_id = :group")
                .bind("period", offer.periodId()).bind("date", MONDAY).bind("group", offer.sixAndOver())
                .map(row -> List.of(row.get("lo", Integer.class), row.get("hi", Integer.class))).one().block())
                .containsExactly(CAPACITY, CAPACITY);
    }

    private Mono<Attempt> attempt(WebClient client, String base, Fixtures.Family family, String key, Fixtures.Offer offer, int index) {
        return client.post().uri(base + "/api/reservations")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + family.token())
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(booking(offer.periodId(), family.child(), MONDAY, "JOURNEE"))
                .exchangeToMono(response -> response.bodyToMono(String.class)
                        .map(body -> new Attempt(index, key, response.statusCode().value(), JsonMapper.shared().readTree(body))));
    }

    /** A second reservation-service on the same database and broker: its own context, its own connection pool, same clock. */
    private ConfigurableApplicationContext startSecondInstance() {
        Map<String, Object> properties = new HashMap<>();
        for (String name : List.of("spring.r2dbc.url", "spring.r2dbc.username", "spring.r2dbc.password", "spring.flyway.url",
                "spring.flyway.user", "spring.flyway.password", "spring.kafka.bootstrap-servers", "spring.cloud.stream.kafka.binder.brokers",
                "portail.admission-pass.secret")) {
            properties.put(name, environment.getProperty(name));
        }
        properties.put("spring.cloud.stream.default.group", "reservation-second-" + UUID.randomUUID());
        properties.put("portail.security.jwks-uri", TestTokens.jwksUri());
        properties.put("portail.demo.enabled", "false");
        properties.put("server.port", "0");
        // As command-line arguments: above application.yml and the platform's defaults, as the test context's own properties are.
        secondInstance = new SpringApplicationBuilder(ReservationServiceApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new));
        return secondInstance;
    }
}

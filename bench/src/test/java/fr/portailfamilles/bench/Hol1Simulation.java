package fr.portailfamilles.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * HOL-1, the holiday opening (issue 10): N parents (5,000) arrive over 60 s, half of them in the first 10 s (open
 * model: arrivals do not wait for answers). Each uses a token issued before the run ({@link Hol1Setup}: logins are
 * measured apart, in issue 9's login bench), joins the period's waiting room when it has one, then books 3 days
 * among the 20 popular ones, one request per day. 10 % of the booking requests are sent again with the same
 * Idempotency-Key. A 429 is a refusal: the parent waits its Retry-After and tries again, at most
 * {@code hol1.retries} times (a waiting-room join, {@code hol1.roomRetries} times; nobody books without a pass). Every request lands in {@link Timeline} (time, latency, status), which the report
 * and the plot are made from; Gatling's own report (OK = 2xx, KO = the rest) sits beside it.
 * <p>
 * System properties (bench/run sets them): hol1.baseUrl, hol1.dir (setup.properties, tokens.csv, timeline out),
 * hol1.parents, hol1.seconds (60), hol1.rate (1, 2, 4: the arrival rate multiplied, the same parents in 1/rate of
 * the time), hol1.repeatShare (0.10), hol1.retries (3), hol1.roomRetries (30), hol1.label (the timeline's file name).
 */
public class Hol1Simulation extends Simulation {

    private static final String BASE_URL = System.getProperty("hol1.baseUrl", "http://localhost:8080");
    private static final Path DIR = Path.of(System.getProperty("hol1.dir", "target/hol1"));
    private static final double RATE = Double.parseDouble(System.getProperty("hol1.rate", "1"));
    private static final int SECONDS = Integer.getInteger("hol1.seconds", 60);
    private static final double REPEAT_SHARE = Double.parseDouble(System.getProperty("hol1.repeatShare", "0.10"));
    private static final int RETRIES = Integer.getInteger("hol1.retries", 3);
    /** A join turned away is made again this many times at most (after each Retry-After): about a minute. */
    private static final int ROOM_RETRIES = Integer.getInteger("hol1.roomRetries", 30);
    private static final String LABEL = System.getProperty("hol1.label", "hol1-x" + (int) RATE);

    private final Hol1Setup.Setup setup = Hol1Setup.Setup.read(DIR.resolve("setup.properties"));
    private final List<Map<String, Object>> parents = tokens(Integer.getInteger("hol1.parents", setup.parents()));
    private final Timeline timeline = new Timeline();

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .disableCaching()
            .disableFollowRedirect();

    /** One booking attempt, with the admission pass when the parent holds one (no empty header otherwise). */
    private ChainBuilder book(String name) {
        return doIfOrElse(session -> session.contains("pass") && session.getString("pass") != null)
                .then(exec(bookRequest(name).header("Admission-Pass", "#{pass}")))
                .orElse(exec(bookRequest(name)));
    }

    /** Every check saves, and only the last one judges (Gatling stops at the first failure). */
    private HttpRequestActionBuilder bookRequest(String name) {
        return http(name).post("/api/reservations")
                .header("Authorization", "Bearer #{token}")
                .header("Idempotency-Key", "#{key}")
                .body(StringBody(session -> "{\"periodId\":\"" + setup.periodId() + "\",\"childId\":\"" + session.getString("childId")
                        + "\",\"days\":[{\"date\":\"" + session.getString("date") + "\",\"unit\":\"JOURNEE\"}]}"))
                .check(responseTimeInMillis().saveAs("rt"),
                        status().saveAs("st"),
                        header("Retry-After").optional().saveAs("retryAfter"),
                        jsonPath("$.reservations[0].status").optional().saveAs("line"),
                        status().in(200, 201));
    }

    private ChainBuilder record(String kind) {
        return exec(session -> {
            timeline.add(kind, session.contains("rt") ? session.getLong("rt") : -1, session.contains("st") ? session.getInt("st") : 0,
                    session.contains("line") ? session.getString("line") : null);
            return session.remove("rt").remove("line");
        });
    }

    /**
     * One call to the waiting room. Its status, pass and wait are read from a 2xx only: a refusal's problem+json
     * has a numeric "status" too, which taken for the room's status ended the wait and sent the parent to book
     * without a pass (HOL-1: ~1,630 x 403).
     */
    private HttpRequestActionBuilder roomRequest(String name, boolean join) {
        String path = "/api/periods/" + setup.periodId() + "/waiting-room";
        return (join ? http(name).post(path) : http(name).get(path))
                .header("Authorization", "Bearer #{token}")
                .check(responseTimeInMillis().saveAs("rt"), status().saveAs("st"),
                        header("Retry-After").optional().saveAs("retryAfter"))
                .checkIf((response, session) -> response.status().code() / 100 == 2).then(
                        jsonPath("$.status").optional().saveAs("room"), jsonPath("$.pass").optional().saveAs("pass"),
                        jsonPath("$.estimatedWaitSeconds").ofInt().optional().saveAs("wait"))
                .check(status().in(200, 201));
    }

    /** A call turned away for load, to be made again after its Retry-After: 429, or a service's 503 that says when. */
    private static boolean turnedAway(Session session) {
        int status = session.contains("st") ? session.getInt("st") : 0;
        return status == 429 || (status == 503 && session.contains("retryAfter"));
    }

    /**
     * Join, then poll until admitted (or told no room is needed); the pass goes with every booking. A join turned
     * away is made again after Retry-After, as the page does (joining is idempotent: the family keeps its place),
     * at most {@code hol1.roomRetries} times; a poll turned away keeps the parent waiting and asks again after it.
     */
    private final ChainBuilder waitingRoom = doIf(session -> setup.waitingRoom()).then(
            exec(session -> session.set("roomTries", 0).remove("room").remove("pass").remove("retryAfter").remove("st"))
                    .exec(roomRequest("waiting-room join", true))
                    .exec(record("waiting-room join"))
                    .asLongAs(session -> turnedAway(session) && session.getInt("roomTries") < ROOM_RETRIES).on(
                            exec(session -> session.set("roomTries", session.getInt("roomTries") + 1))
                                    .pause(session -> retryAfter(session))
                                    .exec(session -> session.remove("retryAfter"))
                                    .exec(roomRequest("waiting-room join retry", true))
                                    .exec(record("waiting-room join retry")))
                    .asLongAs(session -> "WAITING".equals(session.getString("room"))
                            && (session.getInt("st") / 100 == 2 || turnedAway(session))).on(
                            pause(session -> turnedAway(session) ? retryAfter(session)
                                    : Duration.ofSeconds(Math.max(1, Math.min(5, session.contains("wait") ? session.getInt("wait") : 2))))
                                    .exec(session -> session.remove("retryAfter"))
                                    .exec(roomRequest("waiting-room poll", false))
                                    .exec(record("waiting-room poll"))));

    /** After the waiting room: a pass, or the room said none is needed. Never without a pass. */
    private static boolean mayBook(Session session) {
        return (session.contains("room") && "NOT_REQUIRED".equals(session.getString("room")))
                || (session.contains("pass") && session.getString("pass") != null);
    }

    /** One day: a fresh key, the attempt, retries after 429, and for 10 % the same request again with the same key. */
    private final ChainBuilder oneDay = exec(session -> session.set("key", UUID.randomUUID().toString())
            .set("date", session.<List<String>>get("days").get(session.getInt("day")))
            .set("tries", 0).remove("retryAfter").remove("st"))
            .exec(book("book")).exec(record("book"))
            .asLongAs(session -> session.contains("st") && session.getInt("st") == 429 && session.getInt("tries") < RETRIES).on(
                    exec(session -> session.set("tries", session.getInt("tries") + 1))
                            .pause(session -> retryAfter(session))
                            .exec(book("book retry")).exec(record("book retry")))
            .doIf(session -> session.contains("st") && session.getInt("st") == 201
                    && ThreadLocalRandom.current().nextDouble() < REPEAT_SHARE).then(
                    exec(book("book replay")).exec(record("book replay")));

    private final ScenarioBuilder scenario = scenario("HOL-1 parent")
            .feed(feeder())
            .exec(session -> session.set("days", threeDays()))
            .exec(waitingRoom)
            .doIfOrElse(session -> !setup.waitingRoom() || mayBook(session))
            .then(repeat(3, "day").on(oneDay))
            // Gave up waiting (turned away ROOM_RETRIES times, or an error): counted, and no booking without a pass.
            .orElse(exec(session -> {
                timeline.add("waiting-room gave up", -1, session.contains("st") ? session.getInt("st") : 0, null);
                return session;
            }));

    {
        int first = parents.size() / 2;
        Duration rush = Duration.ofMillis(Math.round(SECONDS * 1000 / 6.0 / RATE));
        Duration rest = Duration.ofMillis(Math.round(SECONDS * 1000 * 5 / 6.0 / RATE));
        setUp(scenario.injectOpen(rampUsers(first).during(rush), rampUsers(parents.size() - first).during(rest)))
                .protocols(protocol);
    }

    @Override
    public void after() {
        try {
            Path file = DIR.resolve(LABEL + "-timeline.csv");
            timeline.write(file);
            System.out.println("HOL-1 timeline: " + file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Duration retryAfter(Session session) {
        String header = session.contains("retryAfter") ? session.getString("retryAfter") : null;
        try {
            return Duration.ofMillis(Math.min(5000, Math.max(200, (long) (Double.parseDouble(header) * 1000))));
        }
        catch (NumberFormatException | NullPointerException notSeconds) {
            return Duration.ofSeconds(1);
        }
    }

    /** Three distinct days among the period's popular ones, uniformly. */
    private List<String> threeDays() {
        List<String> days = new ArrayList<>(setup.days());
        Collections.shuffle(days, ThreadLocalRandom.current());
        return List.copyOf(days.subList(0, 3));
    }

    private Iterator<Map<String, Object>> feeder() {
        return parents.iterator();
    }

    private List<Map<String, Object>> tokens(int count) {
        try {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String line : Files.readAllLines(DIR.resolve("tokens.csv"))) {
                String[] cells = line.split(",");
                if (cells.length == 4 && rows.size() < count) {
                    rows.add(Map.of("n", cells[0], "familyId", cells[1], "childId", cells[2], "token", cells[3]));
                }
            }
            if (rows.size() < count) {
                throw new IllegalStateException("tokens.csv holds " + rows.size() + " parents, " + count + " asked for: run Hol1Setup");
            }
            return rows;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

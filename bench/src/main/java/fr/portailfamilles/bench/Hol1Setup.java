package fr.portailfamilles.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a HOL-1 run needs before the rush, made through the portal's own API as staff and parents would:
 * <ol>
 * <li>a fresh bench activity and period at the demo leisure centre (ALSH dossier required, one age group 3–11 with
 * 60 places per half-day, 20 weekdays from 5 to 30 April 2027, open now), created by the demo agent through
 * {@code /api/admin}; a new period per run, so every run starts with empty days and the same families;</li>
 * <li>with {@code --waiting-room=<pace per minute>}, the period's waiting room switched on (issue 9's contract);</li>
 * <li>a token per bench parent ({@code tokens.csv}), logged in before the run, so the booking measurement holds no
 * login (reused while younger than {@code --token-max-age}, default 60 min: bench/run asks account-service for
 * tokens that live 3 h).</li>
 * </ol>
 * Usage: {@code Hol1Setup <gatewayUrl> <parents> <dir> [--waiting-room=<pace>] [--token-max-age=<minutes>]}.
 */
public final class Hol1Setup {

    /** account-service's demo agent and bench families (its config/DemoData.java): keep in step. */
    static final String STAFF_EMAIL = "agent.demo@portail-familles.fr";
    static final String STAFF_PASSWORD = "Agent-Demo-2026!";
    static final String BENCH_PASSWORD = "Bench-Parent-2026!";
    /** reservation-service's demo "Accueil de loisirs Les Petits Loups" (billing-service has its tariffs). */
    static final String PETITS_LOUPS_ALSH = "5e7a0c1d-0000-4000-8000-000000000001";
    static final LocalDate FIRST_DAY = LocalDate.of(2027, 4, 5);
    static final LocalDate LAST_DAY = LocalDate.of(2027, 4, 30);
    static final int PLACES = 60;

    private static final Pattern TOKEN = Pattern.compile("\"(?:accessToken|token)\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;

    private Hol1Setup(String gateway) {
        this.gateway = gateway;
    }

    /** What the simulation reads: the period, its days, whether it has a waiting room. */
    public record Setup(String periodId, List<String> days, int parents, boolean waitingRoom) {

        public static Setup read(Path file) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            catch (IOException ex) {
                throw new IllegalStateException("No HOL-1 setup at " + file + ": run bench/run (Hol1Setup) first", ex);
            }
            return new Setup(properties.getProperty("periodId"), Arrays.asList(properties.getProperty("days").split(",")),
                    Integer.parseInt(properties.getProperty("parents")), Boolean.parseBoolean(properties.getProperty("waitingRoom")));
        }

        void write(Path file) throws IOException {
            Properties properties = new Properties();
            properties.setProperty("periodId", periodId);
            properties.setProperty("days", String.join(",", days));
            properties.setProperty("parents", String.valueOf(parents));
            properties.setProperty("waitingRoom", String.valueOf(waitingRoom));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(out, "HOL-1 run setup");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("Usage: Hol1Setup <gatewayUrl> <parents> <dir> [--waiting-room=<pace per minute>] [--token-max-age=<minutes>]");
            System.exit(2);
        }
        Hol1Setup setup = new Hol1Setup(args[0]);
        int parents = Integer.parseInt(args[1]);
        Path dir = Path.of(args[2]);
        Integer pace = null;
        long tokenMaxAge = 60;
        for (String option : Arrays.asList(args).subList(3, args.length)) {
            if (option.startsWith("--waiting-room=")) {
                pace = Integer.valueOf(option.substring("--waiting-room=".length()));
            }
            else if (option.startsWith("--token-max-age=")) {
                tokenMaxAge = Long.parseLong(option.substring("--token-max-age=".length()));
            }
        }
        Files.createDirectories(dir);
        String staff = setup.login(STAFF_EMAIL, STAFF_PASSWORD);
        String periodId = setup.createPeriod(staff, pace);
        List<String> days = new ArrayList<>();
        for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5) {
                days.add(day.toString());
            }
        }
        new Setup(periodId, days, parents, pace != null).write(dir.resolve("setup.properties"));
        System.out.println("HOL-1 period " + periodId + ": " + days.size() + " days x " + PLACES + " places");
        setup.tokens(parents, dir.resolve("tokens.csv"), Duration.ofMinutes(tokenMaxAge));
    }

    private String createPeriod(String staff, Integer pace) throws IOException, InterruptedException {
        String stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String activity = send("POST", "/api/admin/activities", staff, """
                {"structureId":"%s","name":"HOL-1 %s","kind":"ALSH","minAge":3,"maxAge":11,"requiredDossier":"ALSH",
                 "deadlineDays":2,"cutoffTime":"12:00","workingDays":true,"lateCancellation":"BILL","waitlistPolicy":"AUTO_BOOK",
                 "offerHours":24,"ageGroups":[{"label":"3 à 11 ans","minAge":3,"maxAge":11,"dailyCapacity":%d}]}"""
                .formatted(PETITS_LOUPS_ALSH, stamp, PLACES), 201);
        String activityId = match(ID, activity, "activity id");
        String period = send("POST", "/api/admin/activities/" + activityId + "/periods", staff, """
                {"name":"Vacances de printemps 2027 (HOL-1 %s)","startDate":"%s","endDate":"%s",
                 "openWeekdays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],"closedDates":[],
                 "bookingOpensAt":"%s","bookingClosesAt":"2027-04-01T10:00:00Z"%s}"""
                .formatted(stamp, FIRST_DAY, LAST_DAY, Instant.now().minus(1, ChronoUnit.MINUTES),
                        pace == null ? "" : ",\"waitingRoom\":{\"enabled\":true,\"paceLimitPerMinute\":" + pace + "}"), 201);
        return match(ID, period, "period id");
    }

    /** Logs every bench parent in, 8 at a time, unless a recent enough tokens.csv already holds them. */
    private void tokens(int parents, Path file, Duration maxAge) throws Exception {
        if (Files.exists(file) && Files.readAllLines(file).size() >= parents
                && Files.getLastModifiedTime(file).toInstant().isAfter(Instant.now().minus(maxAge))) {
            System.out.println("HOL-1 tokens reused from " + file + " (" + age(Files.getLastModifiedTime(file)) + " min old)");
            return;
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger done = new AtomicInteger();
        List<Future<String>> lines = new ArrayList<>();
        for (int n = 1; n <= parents; n++) {
            int parent = n;
            lines.add(pool.submit(() -> {
                String token = login("bench-parent-%05d@exemple.fr".formatted(parent), BENCH_PASSWORD);
                if (done.incrementAndGet() % 500 == 0) {
                    System.out.println("  " + done.get() + " parents logged in");
                }
                return parent + "," + uuid("beec0000", parent) + "," + uuid("beec0001", parent) + "," + token;
            }));
        }
        List<String> rows = new ArrayList<>();
        for (Future<String> line : lines) {
            rows.add(line.get());
        }
        pool.shutdown();
        Files.write(file, rows, StandardCharsets.UTF_8);
        System.out.printf("HOL-1 tokens: %d parents logged in in %.1f s%n", parents, (System.nanoTime() - start) / 1e9);
    }

    private static long age(FileTime time) {
        return Duration.between(time.toInstant(), Instant.now()).toMinutes();
    }

    static String uuid(String prefix, int n) {
        return UUID.fromString(prefix + "-0000-4000-8000-%012d".formatted(n)).toString();
    }

    private String login(String email, String password) throws IOException, InterruptedException {
        String body = send("POST", "/api/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", 200);
        return match(TOKEN, body, "token of " + email);
    }

    private String send(String method, String path, String token, String json, int expected) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == expected) {
                return response.body();
            }
            // 429 or 503 while the portal warms up: wait and try again, a few times.
            if ((response.statusCode() == 429 || response.statusCode() == 503) && attempt < 20) {
                Thread.sleep(1000);
                continue;
            }
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static String match(Pattern pattern, String body, String what) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + what + " in " + body);
        }
        return matcher.group(1);
    }
}

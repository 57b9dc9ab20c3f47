/*
 * Load through the real gateway in front of a fake downstream, JDK only (java GatewayLoad.java ...).
 *
 *   downstream <port> <latencyMs> <tokenFile>
 *       plays every service on one port: serves a JWKS, answers any other call after latencyMs,
 *       and writes a parent's token (signed with the JWKS key) to tokenFile.
 *   load <gatewayUrl> <clients> <warmupSeconds> <seconds> <tokenFile>
 *       <clients> parents book in a loop (POST /api/reservations, a new Idempotency-Key each),
 *       while one more reads the calendar (GET /api/periods) every 100 ms; prints throughput and
 *       latency percentiles per status.
 */
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

public class GatewayLoad {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "downstream" -> downstream(Integer.parseInt(args[1]), Long.parseLong(args[2]), Path.of(args[3]));
            case "load" -> load(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Path.of(args[5]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // ---- downstream -------------------------------------------------------------------------

    static void downstream(int port, long latencyMillis, Path tokenFile) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"bench\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\""
                + b64(unsigned(publicKey.getModulus())) + "\",\"e\":\"" + b64(unsigned(publicKey.getPublicExponent()))
                + "\"}]}";
        Files.writeString(tokenFile, token(keys));

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(600));
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                boolean isJwks = exchange.getRequestURI().getPath().equals("/.well-known/jwks.json");
                if (!isJwks) {
                    Thread.sleep(latencyMillis);
                }
                byte[] body = (isJwks ? jwks : "{\"id\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders("POST".equals(exchange.getRequestMethod()) ? 201 : 200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        System.out.println("downstream on " + port + ", " + latencyMillis + " ms per call, token in " + tokenFile);
    }

    private static String token(KeyPair keys) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"kid\":\"bench\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"https://portail-familles.fr\",\"aud\":\"portail-familles\",\"sub\":\"" + UUID.randomUUID()
                + "\",\"roles\":[\"PARENT\"],\"family_id\":\"" + UUID.randomUUID() + "\",\"email\":\"bench@example.fr\",\"iat\":"
                + now + ",\"exp\":" + (now + 4 * 3600) + "}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(keys.getPrivate());
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64(signature.sign());
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---- load -------------------------------------------------------------------------------

    record Sample(int status, long nanos) {
    }

    static void load(String gateway, int clients, int warmupSeconds, int seconds, Path tokenFile) throws Exception {
        String token = Files.readString(tokenFile).strip();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmupSeconds).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        List<Sample> bookings = Collections.synchronizedList(new ArrayList<>());
        List<Sample> reads = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(clients + 1);

        for (int i = 0; i < clients; i++) {
            Thread parent = new Thread(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest booking = HttpRequest.newBuilder(URI.create(gateway + "/api/reservations"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token)
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"periodId\":\"p1\",\"lines\":[]}"))
                            .build();
                    call(http, booking, measureFrom, bookings, errors);
                }
                done.countDown();
            });
            parent.setDaemon(true);
            parent.start();
        }
        Thread reader = new Thread(() -> {
            while (System.nanoTime() < end) {
                HttpRequest calendar = HttpRequest.newBuilder(URI.create(gateway + "/api/periods"))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build();
                call(http, calendar, measureFrom, reads, errors);
                try {
                    Thread.sleep(100);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
            done.countDown();
        });
        reader.setDaemon(true);
        reader.start();
        done.await();

        System.out.printf("%d clients, %d s measured after %d s warm-up, gateway %s%n", clients, seconds, warmupSeconds, gateway);
        report("POST /api/reservations", bookings, seconds);
        report("GET /api/periods (1 reader, every 100 ms)", reads, seconds);
        if (!errors.isEmpty()) {
            System.out.println("  transport errors: " + errors);
        }
        System.exit(0);
    }

    private static void call(HttpClient http, HttpRequest request, long measureFrom, List<Sample> samples,
            Map<String, Integer> errors) {
        long sent = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (sent >= measureFrom) {
                samples.add(new Sample(response.statusCode(), System.nanoTime() - sent));
            }
        }
        catch (IOException e) {
            errors.merge(e.getClass().getSimpleName(), 1, Integer::sum);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void report(String what, List<Sample> samples, int seconds) {
        Map<Integer, List<Long>> byStatus = new TreeMap<>();
        synchronized (samples) {
            samples.forEach(sample -> byStatus.computeIfAbsent(sample.status(), unused -> new ArrayList<>()).add(sample.nanos()));
        }
        System.out.println("  " + what + ": " + samples.size() + " answers");
        byStatus.forEach((status, latencies) -> {
            Collections.sort(latencies);
            System.out.printf("    %d: %6d (%7.1f/s)  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", status, latencies.size(),
                    latencies.size() / (double) seconds, percentile(latencies, 0.50), percentile(latencies, 0.99),
                    latencies.get(latencies.size() - 1) / 1e6);
        });
    }

    private static double percentile(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}

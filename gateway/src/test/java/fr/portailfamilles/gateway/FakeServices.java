package fr.portailfamilles.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Real HTTP servers playing the downstream services: each records what reaches it and answers what
 * the test scripted (by default 200 with a small JSON naming the service). Account-service also
 * serves the JWKS the gateway verifies tokens with.
 */
final class FakeServices {

    /** A request as a service received it; header names in lower case. */
    record Received(String service, String method, String path, String query, Map<String, List<String>> headers,
            String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** A scripted answer; {@code heldUntil}, when set, keeps it until the test opens that latch. */
    record Reply(int status, String contentType, String body, long delayMillis, CountDownLatch heldUntil,
            Map<String, String> headers) {

        static Reply of(int status, String contentType, String body) {
            return new Reply(status, contentType, body, 0, null, Map.of());
        }

        Reply delayedBy(long millis) {
            return new Reply(status, contentType, body, millis, heldUntil, headers);
        }

        /** Answers only once {@code release} is counted down (35 s at most), however long that takes. */
        Reply heldUntil(CountDownLatch release) {
            return new Reply(status, contentType, body, delayMillis, release, headers);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Reply(status, contentType, body, delayMillis, heldUntil, Map.copyOf(more));
        }
    }

    private final Map<String, HttpServer> servers = new ConcurrentHashMap<>();
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final Map<String, Reply> permanentReplies = new ConcurrentHashMap<>();
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-service");
        thread.setDaemon(true);
        return thread;
    });

    void start(String service) {
        Integer port = ports.get(service);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port == null ? 0 : port), 0);
            server.createContext("/", exchange -> handle(service, exchange));
            server.setExecutor(executor);
            server.start();
            servers.put(service, server);
            ports.put(service, server.getAddress().getPort());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the service: its port then refuses connections until {@link #start(String)} again. */
    void stop(String service) {
        HttpServer server = servers.remove(service);
        if (server != null) {
            server.stop(0);
        }
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** Answers {@code method path} this way for every test. */
    void alwaysReply(String method, String path, Reply reply) {
        permanentReplies.put(method + " " + path, reply);
    }

    /**
     * Answers {@code method path} with these replies in turn, the last one for good, until
     * {@link #reset()}.
     */
    void reply(String method, String path, Reply... inTurn) {
        replies.put(method + " " + path, new ArrayDeque<>(List.of(inTurn)));
    }

    void reset() {
        replies.clear();
        received.clear();
    }

    /** What reached the services at this path, JWKS fetches aside. */
    List<Received> receivedAt(String path) {
        return received.stream().filter(request -> request.path().equals(path)).collect(Collectors.toList());
    }

    private Reply scripted(String key) {
        Deque<Reply> inTurn = replies.get(key);
        if (inTurn == null) {
            return null;
        }
        synchronized (inTurn) {
            return inTurn.size() > 1 ? inTurn.poll() : inTurn.peek();
        }
    }

    private void handle(String service, HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Map<String, List<String>> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(entry -> entry.getKey().toLowerCase(Locale.ROOT),
                            entry -> List.copyOf(entry.getValue()), (first, second) -> first));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(service, method, path, exchange.getRequestURI().getRawQuery(), headers, body));

            String key = method + " " + path;
            Reply reply = scripted(key);
            if (reply == null) {
                reply = permanentReplies.getOrDefault(key,
                        Reply.of(200, "application/json", "{\"service\":\"" + service + "\"}"));
            }
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            if (reply.heldUntil() != null) {
                reply.heldUntil().await(35, TimeUnit.SECONDS);
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            reply.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            exchange.close();
        }
    }
}

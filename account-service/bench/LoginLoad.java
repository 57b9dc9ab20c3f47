import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop login load: N parents log in again and again, each as its own account (bench0001…), for
 * a fixed time after a warm-up. Prints the rate of successful logins, p50/p99 of their latency, and the
 * count of every other status.
 *
 * With the service's pid, also the CPU seconds it spent per login while measured, read from /proc: on a
 * machine shared with other work the rate depends on the neighbours, the CPU per login does not
 * (capacity of an idle machine ≈ cores ÷ CPU per login).
 *
 * java LoginLoad.java <baseUrl> <concurrency> <accounts> <warmupSeconds> <seconds> <password> [pid]
 */
public class LoginLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int concurrency = Integer.parseInt(args[1]);
        int accounts = Integer.parseInt(args[2]);
        long warmup = Long.parseLong(args[3]) * 1_000_000_000L;
        long measure = Long.parseLong(args[4]) * 1_000_000_000L;
        String password = args[5];
        String pid = args.length > 6 ? args[6] : null;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        long measureFrom = start + warmup;
        long end = measureFrom + measure;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        int n = next.getAndIncrement() % accounts + 1;
                        String body = "{\"email\":\"bench" + String.format("%04d", n) + "@exemple.fr\",\"password\":\"" + password + "\"}";
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header("X-Forwarded-For", "10.9." + (n / 250) + "." + (n % 250 + 1))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long sent = System.nanoTime();
                        int status;
                        try {
                            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        }
                        catch (Exception ex) {
                            status = -1;
                        }
                        long received = System.nanoTime();
                        if (sent >= measureFrom && received <= end) {
                            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                            if (status == 200) {
                                latencies.add(received - sent);
                            }
                        }
                    }
                }
                finally {
                    done.countDown();
                }
            }).start();
        }
        double[] cpu = new double[2];
        Thread sampler = new Thread(() -> {
            try {
                Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
                cpu[0] = cpuSeconds(pid);
                Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
                cpu[1] = cpuSeconds(pid);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
        sampler.start();
        done.await();
        sampler.join();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double seconds = measure / 1e9;
        System.out.printf("concurrency %d, %d accounts, %.0f s measured: %d logins OK = %.1f logins/s, p50 %.0f ms, p99 %.0f ms, max %.0f ms; statuses %s%n",
                concurrency, accounts, seconds, sorted.size(), sorted.size() / seconds,
                percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 1.0), new TreeMap<>(statuses));
        if (pid != null && !sorted.isEmpty()) {
            double perLogin = (cpu[1] - cpu[0]) / sorted.size();
            System.out.printf("  service CPU %.1f ms per login => %.1f logins/s per idle core, %d cores here%n",
                    perLogin * 1000, 1 / perLogin, Runtime.getRuntime().availableProcessors());
        }
    }

    /** utime + stime of the process, in seconds (clock ticks of 1/100 s on Linux). */
    private static double cpuSeconds(String pid) {
        if (pid == null) {
            return 0;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}

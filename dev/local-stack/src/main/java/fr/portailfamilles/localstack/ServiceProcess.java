package fr.portailfamilles.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** One service jar run as a child JVM, its output in a log file, its readiness read from the health endpoint. */
final class ServiceProcess {

    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);

    private final PortalService service;
    private final String name;
    private final Path jar;
    private final int port;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private final Path logFile;
    private final Path workingDirectory;
    private Process process;
    private boolean launchedBefore;

    ServiceProcess(PortalService service, Path jar, int port, List<String> jvmOptions, Map<String, String> environment,
            Path logFile, Path workingDirectory) {
        this(service, service.module(), jar, port, jvmOptions, environment, logFile, workingDirectory);
    }

    /** {@code name}: how logs and errors call this instance, {@code reservation-service-2} for a second one. */
    ServiceProcess(PortalService service, String name, Path jar, int port, List<String> jvmOptions,
            Map<String, String> environment, Path logFile, Path workingDirectory) {
        this.name = name;
        this.service = service;
        this.jar = jar;
        this.port = port;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
        this.workingDirectory = workingDirectory;
    }

    PortalService service() {
        return service;
    }

    Path logFile() {
        return logFile;
    }

    Map<String, String> environment() {
        return environment;
    }

    String url() {
        return "http://localhost:" + port;
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Whether the process was started and has ended without being asked to. */
    synchronized boolean hasDied() {
        return process != null && !process.isAlive();
    }

    synchronized Process process() {
        return process;
    }

    /** Starts the JVM without waiting for it; the first launch of a run starts a fresh log file. */
    synchronized void launch() {
        if (isAlive()) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No jar for " + service + " at " + jar
                    + ": build it first (./mvnw -B -DskipTests install from the repository root)");
        }
        List<String> command = new ArrayList<>();
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(workingDirectory);
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(snapshotOfJar().toString());
            String header = "===== " + Instant.now() + " starting " + service + " on port " + port + " =====\n";
            if (launchedBefore) {
                Files.writeString(logFile, header, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            else {
                Files.writeString(logFile, header, StandardCharsets.UTF_8);
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            launchedBefore = true;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not launch " + service + ": " + command, ex);
        }
    }

    /**
     * A copy of the jar for this run: a rebuild of the module ({@code ./mvnw package} rewrites
     * target/*.jar) must not pull classes from under the running JVM. Restarting the service picks
     * up the new jar.
     */
    private Path snapshotOfJar() throws IOException {
        Path snapshot = workingDirectory.resolve(service.module() + ".jar");
        Path partial = workingDirectory.resolve(service.module() + ".jar.partial");
        Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(partial, snapshot, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return snapshot;
    }

    /**
     * One look at the health endpoint.
     *
     * @return true when it answers 200 with status UP
     */
    boolean isHealthy(HttpClient client) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find();
        }
        catch (IOException notListeningYet) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks the JVM to stop (SIGTERM: Spring's graceful shutdown), forcing it after 30 s. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        awaitExit(process);
        process = null;
    }

    /** Kills the JVM at once, as a crash would. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit(process);
        process = null;
    }

    /** Sends the stop signal without waiting, so several services can stop at the same time. */
    synchronized Process signalStop() {
        if (process != null) {
            process.destroy();
        }
        return process;
    }

    /** Waits for a process that was signalled with {@link #signalStop()}, then forgets it. */
    void awaitStopped(Process signalled) {
        if (signalled == null) {
            return;
        }
        awaitExit(signalled);
        synchronized (this) {
            if (process == signalled) {
                process = null;
            }
        }
    }

    private static void awaitExit(Process target) {
        try {
            if (!target.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
                target.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            target.destroyForcibly();
        }
    }

    /** The last lines of the log, to show why a service did not come up. */
    String logTail(int lines) {
        try {
            if (!Files.exists(logFile)) {
                return "(no log file at " + logFile + ")";
            }
            List<String> all = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (IOException ex) {
            return "(could not read " + logFile + ": " + ex.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

package fr.portailfamilles.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.portailfamilles.infra.LocalKafka;
import fr.portailfamilles.infra.LocalPostgres;

/**
 * The whole portal on one machine, without Docker: PostgreSQL (one database per service), a Kafka
 * broker, an SMTP catcher with a page to read what was sent, then every service jar as a child JVM,
 * started in parallel and awaited through its health endpoint.
 * <p>
 * The run command ({@link LocalStackMain}) and the system tests share it:
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder()
 *         .repositoryRoot(Path.of(".."))
 *         .dataDirectory(tempDir)
 *         .ports(Ports.free())
 *         .start()) {
 *     String portal = stack.gatewayUrl();
 *     stack.stopService(PortalService.BILLING);   // to see the gateway's fallback
 *     stack.startService(PortalService.BILLING);  // back, and healthy
 * }
 * }</pre>
 * Each service runs from a copy of its jar under {@code <data>/services/<module>/}, so rebuilding a
 * module does not break the running JVM. Everything it started stops on {@link #close()}, in order:
 * services first, then the mail catcher, Kafka and PostgreSQL; a JVM shutdown hook closes it too, but
 * there PostgreSQL and Kafka may stop alongside the services (their own hooks run concurrently).
 */
public final class LocalStack implements AutoCloseable {

    /** JVM options of each service: small heap, quick start, as the resource budget of a laptop allows. */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xss512k", "-Dfile.encoding=UTF-8");
    /**
     * JVM options of each service for a measured run ({@code dev/run --production}, bench/run): C2 on (tiered, the
     * default), so hot paths are compiled for peak, not for start-up; ParallelGC, the cheapest collector in CPU on
     * 2 cores with a small young generation (pauses of a few ms, far under the 500 ms p99 goal, while G1's barriers
     * and concurrent threads cost CPU every request); a fixed 448 MB heap (Xms = Xmx: no resizing under load; six
     * services + Kafka + PostgreSQL stay within ~5 GB). Two GC threads: the machine's cores, shared by all JVMs.
     */
    public static final List<String> PRODUCTION_SERVICE_JVM_OPTIONS = List.of("-Xms448m", "-Xmx448m", "-XX:+UseParallelGC",
            "-XX:ParallelGCThreads=2", "-Xss512k", "-XX:+PerfDisableSharedMem", "-Dfile.encoding=UTF-8");
    public static final String DB_USER = "postgres";
    public static final String DB_PASSWORD = "postgres";
    public static final String JWT_ISSUER = "https://portail-familles.fr";
    public static final String JWT_AUDIENCE = "portail-familles";

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int LOG_TAIL_LINES = 60;
    private static final int REPLICA_PORT_STEP = 100;
    /** The services the gateway load-balances ({@code lb://} routes), so the only ones worth several instances. */
    public static final Set<PortalService> REPLICABLE = Set.of(PortalService.RESERVATION);

    private final Path repositoryRoot;
    private final Path dataDirectory;
    private final Ports ports;
    private final Set<PortalService> services;
    private final Duration healthTimeout;
    private final String kafkaHeap;
    private final Map<PortalService, ServiceProcess> processes = new EnumMap<>(PortalService.class);
    /** Instances beyond the first ({@code dev/run --replicas}), each on its own port, behind the gateway's load balancer. */
    private final Map<PortalService, List<ServiceProcess>> replicas = new EnumMap<>(PortalService.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::closeFromHook, "local-stack-shutdown");

    private volatile LocalPostgres postgres;
    private volatile LocalKafka kafka;
    private volatile MailCatcher mailCatcher;
    private final AtomicBoolean hookRegistered = new AtomicBoolean();
    private volatile Duration startupTime;

    private LocalStack(Builder builder) {
        this.repositoryRoot = builder.repositoryRoot.toAbsolutePath().normalize();
        this.dataDirectory = (builder.dataDirectory != null ? builder.dataDirectory : repositoryRoot.resolve(".local"))
                .toAbsolutePath().normalize();
        this.ports = builder.ports;
        this.services = Collections.unmodifiableSet(EnumSet.copyOf(builder.services));
        this.healthTimeout = builder.healthTimeout;
        this.kafkaHeap = builder.kafkaHeap;
        this.replicaCounts = new EnumMap<>(PortalService.class);
        this.replicaCounts.putAll(builder.replicaCounts);
        for (PortalService service : services) {
            Map<String, String> environment = new LinkedHashMap<>(environment(service, builder.demoData));
            environment.putAll(builder.extraEnvironment);
            environment.putAll(builder.serviceEnvironment.getOrDefault(service, Map.of()));
            processes.put(service, new ServiceProcess(service, service.jar(repositoryRoot), ports.service(service),
                    builder.jvmOptions, environment, logFile(service),
                    dataDirectory.resolve("services").resolve(service.module())));
            List<Integer> instancePorts = instancePorts(service);
            for (int index = 1; index < instancePorts.size(); index++) {
                // Same database, broker and settings as the first instance: only the port, log and jar copy differ.
                Map<String, String> replicaEnvironment = new LinkedHashMap<>(environment);
                replicaEnvironment.put("SERVER_PORT", String.valueOf(instancePorts.get(index)));
                String name = service.module() + "-" + (index + 1);
                replicas.computeIfAbsent(service, any -> new ArrayList<>()).add(new ServiceProcess(service, name,
                        service.jar(repositoryRoot), instancePorts.get(index), builder.jvmOptions, replicaEnvironment,
                        logDirectory().resolve(name + ".log"), dataDirectory.resolve("services").resolve(name)));
            }
        }
    }

    private final Map<PortalService, Integer> replicaCounts;

    /**
     * The ports of a service's instances, the first one's included: the service's port, then +100 for each
     * replica (reservation-service: 8083, 8183, 8283...), so they stay easy to tell apart in logs and URLs.
     */
    public List<Integer> instancePorts(PortalService service) {
        List<Integer> instancePorts = new ArrayList<>();
        for (int index = 0; index < replicaCounts.getOrDefault(service, 1); index++) {
            instancePorts.add(ports.service(service) + REPLICA_PORT_STEP * index);
        }
        return instancePorts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The nearest folder at or above {@code from} that holds the root pom and the gateway module. */
    public static Path findRepositoryRoot(Path from) {
        for (Path candidate = from.toAbsolutePath().normalize(); candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("pom.xml")) && Files.isDirectory(candidate.resolve("gateway"))
                    && Files.isDirectory(candidate.resolve("dev"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No Portail Familles repository at or above " + from);
    }

    // ---------------------------------------------------------------- start

    /** Starts the infrastructure, then every service, and returns once each health endpoint says UP. */
    public LocalStack start() {
        Instant begin = Instant.now();
        requireServiceJars();
        try {
            startInfrastructureOnly();
            launchAndAwait(services);
        }
        catch (RuntimeException | Error ex) {
            close();
            throw ex;
        }
        startupTime = Duration.between(begin, Instant.now());
        log.info("Local stack up in {} s", startupTime.toSeconds());
        return this;
    }

    /** Starts PostgreSQL (with the five databases), Kafka and the mail catcher, but no service. */
    public LocalStack startInfrastructure() {
        Instant begin = Instant.now();
        try {
            startInfrastructureOnly();
        }
        catch (RuntimeException | Error ex) {
            close();
            throw ex;
        }
        startupTime = Duration.between(begin, Instant.now());
        return this;
    }

    private synchronized void startInfrastructureOnly() {
        if (closing.get()) {
            throw new IllegalStateException("This local stack is closed");
        }
        if (postgres != null) {
            return;
        }
        requireFreePorts();
        registerShutdownHook();
        try {
            Files.createDirectories(dataDirectory.resolve("logs"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create " + dataDirectory, ex);
        }
        log.info("Starting PostgreSQL on {}, Kafka on {}, SMTP on {}, mail catcher on {} (data in {})",
                ports.postgres(), ports.kafka(), ports.smtp(), ports.mailCatcher(), dataDirectory);
        mailCatcher = MailCatcher.start(ports.smtp(), ports.mailCatcher());
        CompletableFuture<LocalPostgres> startingPostgres = CompletableFuture.supplyAsync(
                () -> LocalPostgres.startPersistent(dataDirectory.resolve("postgres"), ports.postgres()));
        CompletableFuture<LocalKafka> startingKafka = CompletableFuture.supplyAsync(
                () -> LocalKafka.start(dataDirectory.resolve("kafka"), ports.kafka(), ports.kafkaController(), kafkaHeap));
        postgres = join(startingPostgres, "PostgreSQL", startingKafka);
        kafka = join(startingKafka, "Kafka", null);
        for (PortalService service : PortalService.values()) {
            service.database().ifPresent(postgres::ensureDatabase);
        }
        log.info("Infrastructure ready: PostgreSQL {}, Kafka {}, SMTP {}", ports.postgres(), kafka.bootstrapServers(),
                ports.smtp());
    }

    /** Waits for one infrastructure part; if it failed, still keeps the other so close() can stop it. */
    private <T> T join(CompletableFuture<T> future, String what, CompletableFuture<?> other) {
        try {
            return future.join();
        }
        catch (CompletionException ex) {
            if (other != null) {
                try {
                    Object started = other.join();
                    if (started instanceof LocalKafka startedKafka) {
                        kafka = startedKafka;
                    }
                }
                catch (CompletionException ignored) {
                    // both failed: the first cause is the one to report
                }
            }
            Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
            throw new IllegalStateException(what + " did not start: " + cause.getMessage(), cause);
        }
    }

    private void requireServiceJars() {
        List<String> missing = services.stream()
                .filter(service -> !Files.isRegularFile(service.jar(repositoryRoot)))
                .map(service -> "  - " + service + ": " + service.jar(repositoryRoot))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing service jar(s) / jar(s) introuvable(s):\n"
                    + String.join("\n", missing)
                    + "\nBuild them first / construisez-les d'abord: (cd " + repositoryRoot
                    + " && ./mvnw -B -DskipTests install)");
        }
    }

    private void requireFreePorts() {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        wanted.put(ports.postgres(), "PostgreSQL");
        wanted.put(ports.kafka(), "Kafka");
        wanted.put(ports.kafkaController(), "Kafka controller");
        wanted.put(ports.smtp(), "SMTP");
        wanted.put(ports.mailCatcher(), "mail catcher");
        services.forEach(service -> instancePorts(service).forEach(port -> wanted.put(port, service.module())));
        List<String> busy = new ArrayList<>();
        wanted.forEach((port, what) -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(port));
            }
            catch (IOException inUse) {
                busy.add(port + " (" + what + ")");
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Port(s) already in use / port(s) déjà utilisé(s): " + String.join(", ", busy)
                    + ". Is another local stack still running? / Une autre pile locale tourne-t-elle encore ?");
        }
    }

    private void launchAndAwait(Collection<PortalService> selected) {
        if (selected.isEmpty()) {
            return;
        }
        Instant begin = Instant.now();
        List<ServiceProcess> launched = new ArrayList<>();
        for (PortalService service : selected) {
            launched.add(process(service));
            launched.addAll(replicas.getOrDefault(service, List.of()));
        }
        launched.forEach(ServiceProcess::launch);
        log.info("Launched {}; waiting for their health endpoints (at most {} s)",
                launched.stream().map(ServiceProcess::toString).collect(Collectors.joining(", ")), healthTimeout.toSeconds());
        Instant deadline = begin.plus(healthTimeout);
        List<ServiceProcess> pending = new ArrayList<>(launched);
        while (!pending.isEmpty()) {
            if (closing.get()) {
                throw new IllegalStateException("Start interrupted: the local stack is shutting down");
            }
            for (ServiceProcess process : List.copyOf(pending)) {
                if (process.hasDied()) {
                    throw new IllegalStateException(process + " exited with code " + process.process().exitValue()
                            + " before it was healthy; last lines of " + process.logFile() + ":\n"
                            + process.logTail(LOG_TAIL_LINES));
                }
                if (process.isHealthy(http)) {
                    pending.remove(process);
                    log.info("{} is UP after {} s", process, Duration.between(begin, Instant.now()).toSeconds());
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                ServiceProcess first = pending.get(0);
                throw new IllegalStateException("Not healthy after " + healthTimeout.toSeconds() + " s: " + pending
                        + "; last lines of " + first.logFile() + ":\n" + first.logTail(LOG_TAIL_LINES));
            }
            sleep(POLL_INTERVAL);
        }
    }

    // ---------------------------------------------------------------- services, one at a time

    /** Stops one service gracefully (SIGTERM, forced after 30 s), as an outage the gateway must survive. */
    public void stopService(PortalService service) {
        process(service).stop();
        log.info("{} stopped", service);
    }

    /** Kills one service at once (SIGKILL), as a crash would. */
    public void killService(PortalService service) {
        process(service).kill();
        log.info("{} killed", service);
    }

    /**
     * Starts one service again (a no-op if it runs) and returns once it is healthy. Each launch runs a
     * fresh copy of {@code <module>/target/<module>.jar}, so stop and start a service to pick up a rebuild.
     */
    public void startService(PortalService service) {
        if (postgres == null) {
            throw new IllegalStateException("Start the local stack before one of its services");
        }
        launchAndAwait(List.of(service));
    }

    public boolean isRunning(PortalService service) {
        return process(service).isAlive();
    }

    /** Whether the service answers UP right now. */
    public boolean isHealthy(PortalService service) {
        return process(service).isHealthy(http);
    }

    /** Services started by this stack that have since exited without being asked to. */
    public List<PortalService> deadServices() {
        return allProcesses().stream().filter(ServiceProcess::hasDied).map(ServiceProcess::service).distinct().toList();
    }

    private List<ServiceProcess> allProcesses() {
        List<ServiceProcess> all = new ArrayList<>(processes.values());
        replicas.values().forEach(all::addAll);
        return all;
    }

    private ServiceProcess process(PortalService service) {
        ServiceProcess process = processes.get(service);
        if (process == null) {
            throw new IllegalArgumentException(service + " is not part of this local stack");
        }
        return process;
    }

    // ---------------------------------------------------------------- where things are

    public Path repositoryRoot() {
        return repositoryRoot;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    public Path logFile(PortalService service) {
        return logDirectory().resolve(service.module() + ".log");
    }

    /** The Kafka broker's own log (it is started by local-infra, in its work folder). */
    public Path kafkaLogFile() {
        return dataDirectory.resolve("kafka").resolve("kafka.log");
    }

    public Ports ports() {
        return ports;
    }

    public Set<PortalService> services() {
        return services;
    }

    /** The portal as a user reaches it: the gateway. */
    public String gatewayUrl() {
        return serviceUrl(PortalService.GATEWAY);
    }

    public String serviceUrl(PortalService service) {
        return "http://localhost:" + ports.service(service);
    }

    /** The environment each service is started with (after overrides), to show or to assert on. */
    public Map<String, String> environmentOf(PortalService service) {
        return process(service).environment();
    }

    public LocalPostgres postgres() {
        return requireStarted(postgres, "PostgreSQL");
    }

    public LocalKafka kafka() {
        return requireStarted(kafka, "Kafka");
    }

    public String kafkaBootstrapServers() {
        return kafka().bootstrapServers();
    }

    public MailCatcher mailCatcher() {
        return requireStarted(mailCatcher, "The mail catcher");
    }

    /** The SMTP server the services send through, to read or purge what they sent. */
    public GreenMail greenMail() {
        return mailCatcher().greenMail();
    }

    public int smtpPort() {
        return ports.smtp();
    }

    public String mailCatcherUrl() {
        return "http://localhost:" + ports.mailCatcher();
    }

    /** How long the last {@link #start()} or {@link #startInfrastructure()} took. */
    public Duration startupTime() {
        return startupTime;
    }

    private static <T> T requireStarted(T part, String what) {
        if (part == null) {
            throw new IllegalStateException(what + " is not started");
        }
        return part;
    }

    // ---------------------------------------------------------------- stop

    /** Stops what this stack started, in order: services (all at once), mail catcher, Kafka, PostgreSQL. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        List<Runnable> stops = new ArrayList<>();
        stops.add(this::stopAllServices);
        stops.add(() -> { if (mailCatcher != null) { mailCatcher.close(); } });
        stops.add(() -> { if (kafka != null) { kafka.close(); } });
        stops.add(() -> { if (postgres != null) { postgres.close(); } });
        RuntimeException failure = null;
        for (Runnable stop : stops) {
            try {
                stop.run();
            }
            catch (RuntimeException ex) {
                if (failure == null) {
                    failure = ex;
                }
                else {
                    failure.addSuppressed(ex);
                }
            }
        }
        unregisterShutdownHook();
        if (failure != null) {
            throw failure;
        }
    }

    private void stopAllServices() {
        Map<ServiceProcess, Process> signalled = new LinkedHashMap<>();
        // The gateway first, so it stops taking requests before the services behind it go.
        allProcesses().forEach(process -> signalled.put(process, process.signalStop()));
        signalled.forEach(ServiceProcess::awaitStopped);
    }

    private void closeFromHook() {
        if (!closing.get()) {
            log.info("Stopping the local stack / arrêt de la pile locale...");
        }
        close();
    }

    private void registerShutdownHook() {
        if (hookRegistered.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    private void unregisterShutdownHook() {
        if (hookRegistered.compareAndSet(true, false) && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            }
            catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook runs or ran
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the services", ex);
        }
    }

    // ---------------------------------------------------------------- configuration

    /** The variables of the service contract, pointing at this stack's ports. */
    private Map<String, String> environment(PortalService service, boolean demoData) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(ports.service(service)));
        service.database().ifPresent(database -> {
            env.put("DB_HOST", "localhost");
            env.put("DB_PORT", String.valueOf(ports.postgres()));
            env.put("DB_NAME", database);
            env.put("DB_USER", DB_USER);
            env.put("DB_PASSWORD", DB_PASSWORD);
        });
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ports.kafka());
        env.put("JWKS_URI", serviceUrl(PortalService.ACCOUNT) + "/.well-known/jwks.json");
        env.put("JWT_ISSUER", JWT_ISSUER);
        env.put("JWT_AUDIENCE", JWT_AUDIENCE);
        env.put("DEMO_DATA", String.valueOf(demoData));
        switch (service) {
            case ACCOUNT -> env.put("PORTAL_URL", gatewayUrl());
            // No real payment service on a developer's machine: the built-in simulator plays it.
            case BILLING -> env.put("PAYMENT_SIMULATOR", "true");
            case NOTIFICATION -> {
                env.put("SMTP_HOST", "localhost");
                env.put("SMTP_PORT", String.valueOf(ports.smtp()));
                env.put("PORTAL_URL", gatewayUrl());
            }
            case GATEWAY -> {
                env.put("ACCOUNT_SERVICE_URL", serviceUrl(PortalService.ACCOUNT));
                env.put("DOCUMENT_SERVICE_URL", serviceUrl(PortalService.DOCUMENT));
                env.put("RESERVATION_SERVICE_URL", serviceUrl(PortalService.RESERVATION));
                // Every instance of reservation-service, for the gateway's load balancer (lb://reservation-service).
                env.put("RESERVATION_SERVICE_URLS", instancePorts(PortalService.RESERVATION).stream()
                        .map(port -> "http://localhost:" + port).collect(Collectors.joining(",")));
                env.put("BILLING_SERVICE_URL", serviceUrl(PortalService.BILLING));
                env.put("NOTIFICATION_SERVICE_URL", serviceUrl(PortalService.NOTIFICATION));
            }
            default -> {
                // document and reservation need only the shared variables
            }
        }
        return env;
    }

    /** How to build a {@link LocalStack}; every setting has a default suited to {@code dev/run}. */
    public static final class Builder {

        private Path repositoryRoot;
        private Path dataDirectory;
        private Ports ports = Ports.defaults();
        private Set<PortalService> services = EnumSet.allOf(PortalService.class);
        private boolean demoData = true;
        private Duration healthTimeout = Duration.ofSeconds(300);
        private String kafkaHeap = "512m";
        private List<String> jvmOptions = DEFAULT_SERVICE_JVM_OPTIONS;
        private final Map<String, String> extraEnvironment = new LinkedHashMap<>();
        private final Map<PortalService, Map<String, String>> serviceEnvironment = new EnumMap<>(PortalService.class);
        private final Map<PortalService, Integer> replicaCounts = new EnumMap<>(PortalService.class);

        private Builder() {
        }

        /** Runs {@code count} instances of a service the gateway load-balances (see {@link #REPLICABLE}), 1 by default. */
        public Builder replicas(PortalService service, int count) {
            if (!REPLICABLE.contains(service)) {
                throw new IllegalArgumentException("Only " + REPLICABLE + " can run as several instances behind the gateway, not "
                        + service);
            }
            if (count < 1 || count > 9) {
                throw new IllegalArgumentException("Between 1 and 9 instances of " + service + ", not " + count);
            }
            replicaCounts.put(service, count);
            return this;
        }

        /** The repository whose {@code <service>/target/<service>.jar} are run; found from the working folder if unset. */
        public Builder repositoryRoot(Path repositoryRoot) {
            this.repositoryRoot = repositoryRoot;
            return this;
        }

        /** Where PostgreSQL, Kafka and the logs keep their files; {@code <repo>/.local} if unset. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        public Builder ports(Ports ports) {
            this.ports = ports;
            return this;
        }

        /** Which services to run (all by default); the infrastructure always starts. */
        public Builder services(Collection<PortalService> services) {
            this.services = services.isEmpty() ? EnumSet.noneOf(PortalService.class) : EnumSet.copyOf(services);
            return this;
        }

        public Builder services(PortalService... services) {
            return services(List.of(services));
        }

        /** Whether account-service and reservation-service load the demo families and staff (on by default). */
        public Builder demoData(boolean demoData) {
            this.demoData = demoData;
            return this;
        }

        public Builder healthTimeout(Duration healthTimeout) {
            this.healthTimeout = healthTimeout;
            return this;
        }

        public Builder kafkaHeap(String kafkaHeap) {
            this.kafkaHeap = kafkaHeap;
            return this;
        }

        /** Replaces {@link #DEFAULT_SERVICE_JVM_OPTIONS} for every service. */
        public Builder serviceJvmOptions(List<String> jvmOptions) {
            this.jvmOptions = List.copyOf(jvmOptions);
            return this;
        }

        /** An extra variable for every service, set after (so over) the contract's. */
        public Builder environment(String name, String value) {
            extraEnvironment.put(name, value);
            return this;
        }

        /** An extra variable for one service, set last. */
        public Builder environment(PortalService service, String name, String value) {
            serviceEnvironment.computeIfAbsent(service, any -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        public LocalStack build() {
            if (repositoryRoot == null) {
                repositoryRoot = findRepositoryRoot(Path.of(""));
            }
            return new LocalStack(this);
        }

        /** {@code build().start()}. */
        public LocalStack start() {
            return build().start();
        }
    }
}

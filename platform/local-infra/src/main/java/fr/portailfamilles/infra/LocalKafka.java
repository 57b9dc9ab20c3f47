package fr.portailfamilles.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker run as a child JVM on the Kafka jars of the current class
 * path. A separate process can be stopped and started again on the same port and log directory,
 * which is what the broker-outage tests need.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path workDirectory;
    private final int port;
    private final int controllerPort;
    private final String heap;
    private Process process;

    private LocalKafka(Path workDirectory, int port, int controllerPort, String heap) {
        this.workDirectory = workDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = heap;
    }

    /** Starts a broker whose logs live in {@code workDirectory}; formats the storage on first use. */
    public static LocalKafka start(Path workDirectory, int port, int controllerPort, String heap) {
        LocalKafka kafka = new LocalKafka(workDirectory, port, controllerPort, heap);
        kafka.format();
        kafka.start();
        return kafka;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        process = launch(List.of("kafka.Kafka", serverProperties().toString()), "kafka.log");
        awaitReady();
        log.info("Kafka broker ready on {}", bootstrapServers());
    }

    /** Stops the broker cleanly (controlled shutdown), keeping its data for a later {@link #start()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void format() {
        try {
            Files.createDirectories(workDirectory);
            Files.writeString(serverProperties(), properties());
            Files.writeString(workDirectory.resolve("logback-kafka.xml"), LOGBACK);
            if (Files.exists(dataDirectory().resolve("meta.properties"))) {
                return;
            }
            Process formatting = launch(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                    "-c", serverProperties().toString()), "kafka-format.log");
            if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                throw StartupFailure.of("Kafka storage format failed", workDirectory.resolve("kafka-format.log"), workDirectory, null);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private Process launch(List<String> mainAndArguments, String logFile) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new java.util.ArrayList<>(List.of(java, "-Xmx" + heap, "-Xms64m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=" + workDirectory.resolve("logback-kafka.xml"),
                "-Dkafka.logs.dir=" + workDirectory,
                "-cp", kafkaClassPath()));
        command.addAll(mainAndArguments);
        try {
            Process started = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workDirectory.resolve(logFile).toFile()))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
            return started;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not launch " + command, ex);
        }
    }

    /** The current class path minus Spring's jars: the broker needs only Kafka, Scala and a logger. */
    private static String kafkaClassPath() {
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        return java.util.Arrays.stream(entries)
                .filter(entry -> !entry.contains("spring"))
                .reduce((left, right) -> left + File.pathSeparator + right)
                .orElseThrow();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        // Wait for the port quietly first: an admin client logs a warning per refused connection.
        while (!portOpen() && Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw StartupFailure.of("Kafka exited early", workDirectory.resolve("kafka.log"), workDirectory, null);
            }
            sleep(Duration.ofMillis(200));
        }
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw StartupFailure.of("Kafka exited early", workDirectory.resolve("kafka.log"), workDirectory, null);
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                }
                catch (Exception notYet) {
                    sleep(Duration.ofMillis(300));
                }
            }
        }
        throw StartupFailure.of("Kafka not ready after " + READY_TIMEOUT, workDirectory.resolve("kafka.log"), workDirectory, null);
    }

    private boolean portOpen() {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
            return true;
        }
        catch (IOException refused) {
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private Path serverProperties() {
        return workDirectory.resolve("server.properties");
    }

    private Path dataDirectory() {
        return workDirectory.resolve("data");
    }

    private String properties() {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%3$s
                num.partitions=6
                auto.create.topics.enable=true
                offsets.topic.num.partitions=1
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.retention.hours=168
                """.formatted(port, controllerPort, dataDirectory());
    }

    private static final String LOGBACK = """
            <configuration>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
              </appender>
              <logger name="kafka.server.KafkaServer" level="INFO"/>
              <root level="WARN"><appender-ref ref="OUT"/></root>
            </configuration>
            """;
}

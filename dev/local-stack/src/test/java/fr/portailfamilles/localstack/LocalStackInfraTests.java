package fr.portailfamilles.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Starts the real infrastructure (PostgreSQL, a Kafka broker, the SMTP catcher) on free ports and
 * folders of its own, and uses each as a service would. Service jars are stand-ins compiled here: a
 * few lines of JDK HTTP server that answer the health endpoint, so the launching, health polling,
 * stop and restart are checked without the real services.
 */
class LocalStackInfraTests {

    private final HttpClient http = HttpClient.newHttpClient();
    private Path workDirectory;

    @BeforeEach
    void createWorkDirectory() throws IOException {
        // Under target (not /tmp's 0700 folders): as root, PostgreSQL runs as nobody and must reach its data.
        Path base = Path.of(System.getProperty("portail.infra.work-dir", "target/infra")).toAbsolutePath();
        workDirectory = Files.createDirectories(base.resolve("local-stack-" + UUID.randomUUID()));
    }

    @AfterEach
    void deleteWorkDirectory() throws IOException {
        try (Stream<Path> paths = Files.walk(workDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void infrastructureServesDatabasesBrokerAndMail() throws Exception {
        try (LocalStack stack = LocalStack.builder()
                .repositoryRoot(workDirectory)
                .dataDirectory(workDirectory.resolve("data"))
                .ports(Ports.free())
                .services(List.of())
                .kafkaHeap("256m")
                .build()
                .startInfrastructure()) {

            for (String database : List.of("account", "document", "reservation", "billing", "notification")) {
                assertThat(currentDatabase(stack, database)).isEqualTo(database);
            }

            String topic = "local-stack.check." + UUID.randomUUID();
            assertThat(sendAndReceive(stack.kafkaBootstrapServers(), topic, "bonjour")).isEqualTo("bonjour");

            GreenMailUtil.sendTextEmail("famille.martin@exemple.fr", "ne-pas-repondre@portail-familles.fr",
                    "Réservation confirmée", "Bonjour,\nvotre réservation est confirmée : http://localhost:8080/reservations?id=1&x=2",
                    new ServerSetup(stack.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            String json = get(stack.mailCatcherUrl() + "/api/messages");
            assertThat(JsonPath.<List<String>>read(json, "$.items[*].subject")).containsExactly("Réservation confirmée");
            assertThat(JsonPath.<List<String>>read(json, "$.items[0].to")).containsExactly("famille.martin@exemple.fr");
            assertThat(JsonPath.<String>read(json, "$.items[0].text")).contains("votre réservation est confirmée");
            assertThat(JsonPath.<String>read(json, "$.items[0].date")).isNotBlank();
            assertThat(JsonPath.<Integer>read(get(stack.mailCatcherUrl() + "/api/messages?to=someone.else@exemple.fr"), "$.total"))
                    .isZero();
            String page = get(stack.mailCatcherUrl() + "/");
            assertThat(page).contains("Réservation confirmée", "famille.martin@exemple.fr",
                    "<a href=\"http://localhost:8080/reservations?id=1&amp;x=2\">");
            assertThat(stack.greenMail().getReceivedMessages()).hasSize(1);

            http.send(HttpRequest.newBuilder(URI.create(stack.mailCatcherUrl() + "/api/messages")).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(JsonPath.<List<Object>>read(get(stack.mailCatcherUrl() + "/api/messages"), "$.items")).isEmpty();
        }
    }

    @Test
    void whenServiceJarsAreMissingThenStartNamesThemAndStartsNothing() {
        Ports ports = Ports.free();
        LocalStack stack = LocalStack.builder()
                .repositoryRoot(workDirectory)
                .dataDirectory(workDirectory.resolve("data"))
                .ports(ports)
                .build();

        assertThatThrownBy(stack::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Missing service jar(s)")
                .hasMessageContaining(workDirectory.resolve("gateway/target/gateway.jar").toString())
                .hasMessageContaining(workDirectory.resolve("notification-service/target/notification-service.jar").toString())
                .hasMessageContaining("./mvnw -B -DskipTests install");
        assertThat(isFree(ports.postgres())).isTrue();
        assertThat(workDirectory.resolve("data")).doesNotExist();
    }

    @Test
    void servicesStartWithTheContractEnvironmentAndCanBeStoppedAndRestarted() throws Exception {
        writeStandInJars(workDirectory);
        Ports ports = Ports.free();
        try (LocalStack stack = LocalStack.builder()
                .repositoryRoot(workDirectory)
                .dataDirectory(workDirectory.resolve("data"))
                .ports(ports)
                .kafkaHeap("256m")
                .healthTimeout(Duration.ofSeconds(60))
                .start()) {

            for (PortalService service : PortalService.values()) {
                assertThat(stack.isHealthy(service)).as(service.module()).isTrue();
            }
            Map<String, String> billing = environmentSeenBy(stack, PortalService.BILLING);
            assertThat(billing).containsEntry("SERVER_PORT", String.valueOf(ports.service(PortalService.BILLING)))
                    .containsEntry("DB_NAME", "billing")
                    .containsEntry("DB_PORT", String.valueOf(ports.postgres()))
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ports.kafka())
                    .containsEntry("JWKS_URI", "http://localhost:" + ports.service(PortalService.ACCOUNT) + "/.well-known/jwks.json");
            Map<String, String> gateway = environmentSeenBy(stack, PortalService.GATEWAY);
            assertThat(gateway).containsEntry("RESERVATION_SERVICE_URL",
                    "http://localhost:" + ports.service(PortalService.RESERVATION)).doesNotContainKey("DB_NAME");
            assertThat(environmentSeenBy(stack, PortalService.NOTIFICATION))
                    .containsEntry("SMTP_PORT", String.valueOf(ports.smtp()))
                    .containsEntry("PORTAL_URL", stack.gatewayUrl());
            assertThat(environmentSeenBy(stack, PortalService.ACCOUNT)).containsEntry("DEMO_DATA", "true");
            assertThat(stack.logFile(PortalService.ACCOUNT)).content().contains("stand-in account-service up");

            stack.stopService(PortalService.BILLING);
            assertThat(stack.isRunning(PortalService.BILLING)).isFalse();
            assertThat(stack.isHealthy(PortalService.BILLING)).isFalse();
            assertThat(stack.deadServices()).isEmpty();
            stack.startService(PortalService.BILLING);
            assertThat(stack.isHealthy(PortalService.BILLING)).isTrue();

            stack.killService(PortalService.DOCUMENT);
            Files.writeString(workDirectory.resolve("data/services/document-service/crash"), "");
            assertThatThrownBy(() -> stack.startService(PortalService.DOCUMENT))
                    .hasMessageContaining("document-service exited with code 3")
                    .hasMessageContaining("boom: told to crash");
        }
        for (PortalService service : PortalService.values()) {
            assertThat(isFree(ports.service(service))).as(service.module()).isTrue();
        }
        assertThat(isFree(ports.postgres())).isTrue();
        assertThat(isFree(ports.kafka())).isTrue();
        assertThat(isFree(ports.smtp())).isTrue();
    }

    private static String currentDatabase(LocalStack stack, String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl(database),
                LocalStack.DB_USER, LocalStack.DB_PASSWORD);
             ResultSet result = connection.createStatement().executeQuery("SELECT current_database()")) {
            result.next();
            return result.getString(1);
        }
    }

    private static String sendAndReceive(String bootstrapServers, String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "family-1", value)).get(30, TimeUnit.SECONDS);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "local-stack-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    return record.value();
                }
            }
        }
        return null;
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private Map<String, String> environmentSeenBy(LocalStack stack, PortalService service) throws Exception {
        return get(stack.serviceUrl(service) + "/env").lines()
                .map(line -> line.split("=", 2))
                .filter(pair -> pair.length == 2)
                .collect(java.util.stream.Collectors.toMap(pair -> pair[0], pair -> pair[1], (a, b) -> b));
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        }
        catch (IOException inUse) {
            return false;
        }
    }

    /** One stand-in jar per service: answers /actuator/health and shows its environment at /env. */
    private static void writeStandInJars(Path repository) throws IOException {
        Path sources = Files.createDirectories(repository.resolve("stand-in/src"));
        Path classes = Files.createDirectories(repository.resolve("stand-in/classes"));
        Path source = sources.resolve("StandInService.java");
        Files.writeString(source, """
                import com.sun.net.httpserver.HttpExchange;
                import com.sun.net.httpserver.HttpServer;
                import java.net.InetSocketAddress;
                import java.nio.charset.StandardCharsets;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.TreeMap;

                public class StandInService {
                    public static void main(String[] args) throws Exception {
                        if (Files.exists(Path.of("crash"))) {
                            System.out.println("boom: told to crash");
                            System.exit(3);
                        }
                        HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
                        server.createContext("/actuator/health", exchange -> reply(exchange, "{\\"status\\":\\"UP\\"}"));
                        server.createContext("/env", exchange -> {
                            StringBuilder body = new StringBuilder();
                            new TreeMap<>(System.getenv()).forEach((name, value) -> body.append(name).append('=').append(value).append('\\n'));
                            reply(exchange, body.toString());
                        });
                        server.start();
                        System.out.println("stand-in " + Path.of("").toAbsolutePath().getFileName() + " up");
                    }

                    private static void reply(HttpExchange exchange, String body) throws java.io.IOException {
                        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, bytes.length);
                        try (var out = exchange.getResponseBody()) {
                            out.write(bytes);
                        }
                    }
                }
                """);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-d", classes.toString(), source.toString());
        assertThat(status).as("stand-in service compiles").isZero();
        byte[] mainClass = Files.readAllBytes(classes.resolve("StandInService.class"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "StandInService");
        for (PortalService service : PortalService.values()) {
            Path jar = service.jar(repository);
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar);
                 JarOutputStream out = new JarOutputStream(file, manifest)) {
                out.putNextEntry(new JarEntry("StandInService.class"));
                out.write(mainClass);
                out.closeEntry();
            }
        }
        assertThat(new String(mainClass, StandardCharsets.ISO_8859_1)).contains("StandInService");
    }
}

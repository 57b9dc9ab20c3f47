package fr.portailfamilles.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import fr.portailfamilles.infra.FreePorts;
import fr.portailfamilles.infra.LocalKafka;
import fr.portailfamilles.infra.LocalPostgres;

/**
 * One real PostgreSQL and one real Kafka broker per test JVM, started on first use: containers where a
 * Docker engine answers, local processes otherwise (see docs/adr/0003). Never an in-memory substitute.
 */
public final class TestInfrastructure {

    private static TestPostgres postgres;
    private static TestKafka kafka;

    private TestInfrastructure() {
    }

    public static synchronized TestPostgres postgres() {
        if (postgres == null) {
            postgres = dockerAvailable() ? containerPostgres() : localPostgres();
        }
        return postgres;
    }

    public static synchronized TestKafka kafka() {
        if (kafka == null) {
            kafka = dockerAvailable() ? containerKafka() : localKafka();
        }
        return kafka;
    }

    private static boolean dockerAvailable() {
        // No socket and no DOCKER_HOST: skip Testcontainers' probe, which logs an ERROR before saying no.
        boolean noEngineHint = System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"));
        if (Boolean.getBoolean("portail.infra.local") || noEngineHint) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException noDocker) {
            return false;
        }
    }

    private static Path workDirectory() {
        return Path.of(System.getProperty("portail.infra.work-dir", "target/infra"));
    }

    private static TestPostgres localPostgres() {
        LocalPostgres server = LocalPostgres.startThrowaway();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return new TestPostgres() {
            public String jdbcUrl(String database) { return server.jdbcUrl(database); }
            public String r2dbcUrl(String database) { return server.r2dbcUrl(database); }
            public String username() { return server.username(); }
            public String password() { return server.password(); }
            public void createDatabase(String name) { server.ensureDatabase(name); }
        };
    }

    private static TestKafka localKafka() {
        Path directory = workDirectory().resolve("kafka-" + ProcessHandle.current().pid());
        LocalKafka broker = LocalKafka.start(directory, FreePorts.next(), FreePorts.next(), "384m");
        return new TestKafka() {
            public String bootstrapServers() { return broker.bootstrapServers(); }
            public void stop() { broker.stop(); }
            public void start() { broker.start(); }
        };
    }

    @SuppressWarnings("resource")
    private static TestPostgres containerPostgres() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        return new TestPostgres() {
            public String jdbcUrl(String database) {
                return "jdbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort() + "/" + database;
            }
            public String r2dbcUrl(String database) {
                return "r2dbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort() + "/" + database;
            }
            public String username() { return container.getUsername(); }
            public String password() { return container.getPassword(); }
            public void createDatabase(String name) {
                try (var connection = DriverManager.getConnection(container.getJdbcUrl(), username(), password());
                     var statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + name);
                }
                catch (SQLException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        };
    }

    @SuppressWarnings("resource")
    private static TestKafka containerKafka() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.1.2");
        container.start();
        // Pausing keeps the mapped port, so clients see the same broker come back.
        return new TestKafka() {
            public String bootstrapServers() { return container.getBootstrapServers(); }
            public void stop() { container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec(); }
            public void start() { container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec(); }
        };
    }
}

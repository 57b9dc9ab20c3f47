package fr.portailfamilles.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server run from the binaries Maven Central ships (Zonky), so neither Docker nor a
 * system installation is needed. As root it runs the server as {@code nobody}.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** A throwaway cluster tuned for speed: durability settings off, data deleted on close. */
    public static LocalPostgres startThrowaway() {
        return start(null, 0, false);
    }

    /** A cluster whose data survives restarts in {@code dataDirectory}. */
    public static LocalPostgres startPersistent(Path dataDirectory, int port) {
        return start(dataDirectory, port, true);
    }

    private static LocalPostgres start(Path dataDirectory, int port, boolean durable) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "128MB");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (!durable) {
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            return new LocalPostgres(builder.start());
        }
        catch (IOException | RuntimeException ex) {
            Path written = dataDirectory != null ? dataDirectory : Path.of(System.getProperty("java.io.tmpdir"));
            throw StartupFailure.of("PostgreSQL did not start: " + ex, null, written, ex);
        }
    }

    public int port() {
        return server.getPort();
    }

    public String host() {
        return "127.0.0.1";
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Creates the database unless it exists; names are restricted because DDL takes no parameters. */
    public void ensureDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a safe database name: " + name);
        }
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var existing = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!existing.next()) {
                statement.execute("CREATE DATABASE " + name);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create database " + name, ex);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

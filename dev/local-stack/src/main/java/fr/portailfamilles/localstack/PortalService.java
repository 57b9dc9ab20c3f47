package fr.portailfamilles.localstack;

import java.nio.file.Path;
import java.util.Optional;

/** The processes that make up the portal, each a Spring Boot fat jar built by its own module. */
public enum PortalService {

    GATEWAY("gateway", 8080, null),
    ACCOUNT("account-service", 8081, "account"),
    DOCUMENT("document-service", 8082, "document"),
    RESERVATION("reservation-service", 8083, "reservation"),
    BILLING("billing-service", 8084, "billing"),
    NOTIFICATION("notification-service", 8085, "notification");

    private final String module;
    private final int defaultPort;
    private final String database;

    PortalService(String module, int defaultPort, String database) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    /** The Maven module, which is also the jar's base name. */
    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The service's own database; the gateway has none. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** Where {@code ./mvnw package} leaves the fat jar: {@code <repo>/<module>/target/<module>.jar}. */
    public Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target").resolve(module + ".jar");
    }

    public static PortalService ofModule(String module) {
        for (PortalService service : values()) {
            if (service.module.equals(module)) {
                return service;
            }
        }
        throw new IllegalArgumentException("No service module named " + module);
    }

    @Override
    public String toString() {
        return module;
    }
}

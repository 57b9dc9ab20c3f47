package fr.portailfamilles.localstack;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import fr.portailfamilles.infra.FreePorts;

/**
 * Every port the local stack listens on.
 *
 * @param postgres PostgreSQL
 * @param kafka the Kafka broker's PLAINTEXT listener
 * @param kafkaController the Kafka KRaft controller listener
 * @param smtp the SMTP catcher
 * @param mailCatcher the HTTP page and API that show what the SMTP catcher received
 * @param services one port per service, the gateway included
 */
public record Ports(int postgres, int kafka, int kafkaController, int smtp, int mailCatcher,
        Map<PortalService, Integer> services) {

    public Ports {
        services = Map.copyOf(services);
        for (PortalService service : PortalService.values()) {
            if (!services.containsKey(service)) {
                throw new IllegalArgumentException("No port given for " + service);
            }
        }
        Set<Integer> seen = new HashSet<>();
        for (int port : all(postgres, kafka, kafkaController, smtp, mailCatcher, services)) {
            if (port <= 0 || port > 65535 || !seen.add(port)) {
                throw new IllegalArgumentException("Ports must be valid and distinct, got " + port + " twice or out of range");
            }
        }
    }

    /** The documented local ports: 15432, 19092/19093, 3025, 8025, and 8080-8085 for the services. */
    public static Ports defaults() {
        Map<PortalService, Integer> services = new EnumMap<>(PortalService.class);
        for (PortalService service : PortalService.values()) {
            services.put(service, service.defaultPort());
        }
        return new Ports(15432, 19092, 19093, 3025, 8025, services);
    }

    /** Ports nobody listens on right now, for tests that must not collide with a running local stack. */
    public static Ports free() {
        Set<Integer> taken = new HashSet<>();
        Map<PortalService, Integer> services = new EnumMap<>(PortalService.class);
        int postgres = distinctFreePort(taken);
        int kafka = distinctFreePort(taken);
        int kafkaController = distinctFreePort(taken);
        int smtp = distinctFreePort(taken);
        int mailCatcher = distinctFreePort(taken);
        for (PortalService service : PortalService.values()) {
            services.put(service, distinctFreePort(taken));
        }
        return new Ports(postgres, kafka, kafkaController, smtp, mailCatcher, services);
    }

    public int service(PortalService service) {
        return services.get(service);
    }

    /** A copy with one service on another port. */
    public Ports withService(PortalService service, int port) {
        Map<PortalService, Integer> changed = new EnumMap<>(services);
        changed.put(service, port);
        return new Ports(postgres, kafka, kafkaController, smtp, mailCatcher, changed);
    }

    int[] all() {
        return all(postgres, kafka, kafkaController, smtp, mailCatcher, services);
    }

    private static int[] all(int postgres, int kafka, int kafkaController, int smtp, int mailCatcher,
            Map<PortalService, Integer> services) {
        int[] ports = new int[5 + services.size()];
        ports[0] = postgres;
        ports[1] = kafka;
        ports[2] = kafkaController;
        ports[3] = smtp;
        ports[4] = mailCatcher;
        int index = 5;
        for (int port : services.values()) {
            ports[index++] = port;
        }
        return ports;
    }

    private static int distinctFreePort(Set<Integer> taken) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = FreePorts.next();
            if (taken.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("Could not find distinct free ports");
    }
}

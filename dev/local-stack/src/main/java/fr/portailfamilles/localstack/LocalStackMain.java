package fr.portailfamilles.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code dev/run}: starts the whole portal on this machine and keeps it running until Ctrl-C.
 * <p>
 * Options: {@code --infra-only} (PostgreSQL, Kafka and the mail catcher, for services run from an IDE),
 * {@code --only=gateway,account-service} (those services only), {@code --no-demo-data}, {@code --production}
 * (the measured-run JVM options, {@link LocalStack#PRODUCTION_SERVICE_JVM_OPTIONS}), {@code --jfr=<service>,...}
 * (a JFR recording of those services, dumped to {@code <data>/logs/<service>.jfr} when they stop),
 * {@code --replicas=reservation-service=2} (that many instances, ports 8083, 8183..., the gateway balancing them). System properties: {@code portail.repository} (default: found from the working
 * folder), {@code portail.local.dir} (default {@code <repo>/.local}), {@code portail.health-timeout}
 * (seconds, default 300).
 */
public final class LocalStackMain {

    private static final String LOGBACK_CONFIGURATION = "fr/portailfamilles/localstack/logback-local-stack.xml";

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIGURATION);
        }
        List<String> options = List.of(args);
        List<PortalService> only = new ArrayList<>();
        List<PortalService> profiled = new ArrayList<>();
        Map<PortalService, Integer> replicas = new EnumMap<>(PortalService.class);
        for (String option : options) {
            if (option.startsWith("--only=")) {
                try {
                    for (String module : option.substring("--only=".length()).split(",")) {
                        only.add(PortalService.ofModule(module.trim()));
                    }
                }
                catch (IllegalArgumentException ex) {
                    System.err.println(ex.getMessage() + "; services: " + List.of(PortalService.values()));
                    System.exit(2);
                }
            }
            else if (option.startsWith("--jfr=")) {
                for (String module : option.substring("--jfr=".length()).split(",")) {
                    try {
                        profiled.add(PortalService.ofModule(module.trim()));
                    }
                    catch (IllegalArgumentException ex) {
                        System.err.println(ex.getMessage() + "; services: " + List.of(PortalService.values()));
                        System.exit(2);
                    }
                }
            }
            else if (option.startsWith("--replicas=")) {
                for (String entry : option.substring("--replicas=".length()).split(",")) {
                    String[] serviceAndCount = entry.trim().split("=");
                    try {
                        if (serviceAndCount.length != 2) {
                            throw new IllegalArgumentException("Expected <service>=<count>, got " + entry);
                        }
                        PortalService service = PortalService.ofModule(serviceAndCount[0].trim());
                        replicas.put(service, Integer.parseInt(serviceAndCount[1].trim()));
                        LocalStack.builder().replicas(service, replicas.get(service));   // validates now, before anything starts
                    }
                    catch (IllegalArgumentException ex) {
                        System.err.println("--replicas: " + ex.getMessage());
                        System.exit(2);
                    }
                }
            }
            else if (!List.of("--infra-only", "--no-demo-data", "--production").contains(option)) {
                System.err.println("Unknown option " + option
                        + "; known: --infra-only, --only=<service,...>, --no-demo-data, --production, --jfr=<service,...>,"
                        + " --replicas=reservation-service=<n>");
                System.exit(2);
            }
        }
        boolean infraOnly = options.contains("--infra-only");
        Path repository = System.getProperty("portail.repository") != null
                ? Path.of(System.getProperty("portail.repository"))
                : LocalStack.findRepositoryRoot(Path.of(""));
        LocalStack.Builder builder = LocalStack.builder()
                .repositoryRoot(repository)
                .demoData(!options.contains("--no-demo-data"))
                .healthTimeout(Duration.ofSeconds(Long.getLong("portail.health-timeout", 300)));
        if (System.getProperty("portail.local.dir") != null) {
            builder.dataDirectory(Path.of(System.getProperty("portail.local.dir")));
        }
        if (options.contains("--production")) {
            builder.serviceJvmOptions(LocalStack.PRODUCTION_SERVICE_JVM_OPTIONS);
        }
        Path logs = (System.getProperty("portail.local.dir") != null ? Path.of(System.getProperty("portail.local.dir"))
                : repository.resolve(".local")).toAbsolutePath().resolve("logs");
        for (PortalService service : profiled) {
            // JDK_JAVA_OPTIONS: read by the java launcher, so only that service's JVM records.
            builder.environment(service, "JDK_JAVA_OPTIONS", "-XX:StartFlightRecording=name=portail,settings=profile,dumponexit=true,filename="
                    + logs.resolve(service.module() + ".jfr"));
        }
        replicas.forEach(builder::replicas);
        if (infraOnly) {
            builder.services(List.of());
        }
        else if (!only.isEmpty()) {
            builder.services(only);
        }
        LocalStack stack = builder.build();
        try {
            if (infraOnly) {
                stack.startInfrastructure();
            }
            else {
                stack.start();
            }
        }
        catch (RuntimeException ex) {
            System.err.println();
            System.err.println("La pile locale n'a pas démarré / the local stack did not start:");
            System.err.println(ex.getMessage());
            System.exit(1);
        }
        System.out.println(banner(stack, !options.contains("--no-demo-data")));
        stopInOrderOnSignals(stack);
        watch(stack);
    }

    /**
     * Ctrl-C and SIGTERM close the stack before the JVM starts exiting. Through JVM shutdown alone, the
     * hooks that Zonky and LocalKafka register would stop PostgreSQL and Kafka at the same time as the
     * services, which then log errors while they drain; this way the order is services, Kafka, PostgreSQL.
     * (dev/run starts this JVM in its own session, so the terminal's Ctrl-C reaches only this process.)
     */
    @SuppressWarnings("removal")
    private static void stopInOrderOnSignals(LocalStack stack) {
        sun.misc.SignalHandler stop = signal -> new Thread(() -> {
            System.out.println("\nArrêt de la pile locale / stopping the local stack (" + signal.getName() + ")...");
            try {
                stack.close();
            }
            finally {
                System.exit(0);
            }
        }, "local-stack-stop").start();
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), stop);
            }
            catch (IllegalArgumentException unsupported) {
                // the JVM's shutdown hook still closes the stack, just not strictly in order
            }
        }
    }

    /** Keeps the JVM alive, and says so when a service falls over; Ctrl-C runs the stack's shutdown hook. */
    private static void watch(LocalStack stack) throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        List<PortalService> reported = new ArrayList<>();
        while (!never.await(5, TimeUnit.SECONDS)) {
            for (PortalService dead : stack.deadServices()) {
                if (!reported.contains(dead)) {
                    reported.add(dead);
                    System.err.println("!! " + dead + " s'est arrêté / has exited: see " + stack.logFile(dead));
                }
            }
        }
    }

    static String banner(LocalStack stack, boolean demoData) {
        String line = "=".repeat(78);
        StringBuilder out = new StringBuilder("\n").append(line).append('\n');
        out.append(String.format(" Portail Familles — pile locale prête / local stack ready in %d s%n",
                stack.startupTime().toSeconds()));
        out.append(line).append('\n');
        if (stack.services().contains(PortalService.GATEWAY)) {
            out.append(String.format(" Portail / Portal            %s%n", stack.gatewayUrl()));
            if (demoData) {
                out.append(" Comptes de démonstration / Demo logins\n");
                out.append("   agent (staff)             agent.demo@portail-familles.fr / Agent-Demo-2026!\n");
                out.append("   parent, dossier complet   famille.bernard@exemple.fr / Parent-Demo-2026!  (Lina peut réserver)\n");
                out.append("   parent, dossier incomplet famille.martin@exemple.fr / Parent-Demo-2026!  (Léo et Jade)\n");
            }
        }
        out.append(String.format(" Courriels / Mail catcher    %s  (SMTP localhost:%d)%n", stack.mailCatcherUrl(),
                stack.smtpPort()));
        out.append(String.format(" PostgreSQL                  localhost:%d  (%s / %s)%n", stack.ports().postgres(),
                LocalStack.DB_USER, LocalStack.DB_PASSWORD));
        out.append(String.format(" Kafka                       %s%n", stack.kafkaBootstrapServers()));
        StringBuilder services = new StringBuilder();
        for (PortalService service : stack.services()) {
            services.append(services.isEmpty() ? "" : ", ").append(service).append(" :").append(stack.instancePorts(service)
                    .stream().map(String::valueOf).collect(Collectors.joining(" :")));
        }
        if (!services.isEmpty()) {
            out.append(" Services                    ").append(services).append('\n');
        }
        out.append(String.format(" Journaux / Logs             %s  (Kafka: %s)%n", stack.logDirectory(), stack.kafkaLogFile()));
        out.append(String.format(" Données / Data              %s  (à effacer pour repartir de zéro / delete to start afresh)%n",
                stack.dataDirectory()));
        out.append(" Ctrl-C arrête tout / stops everything\n");
        return out.append(line).toString();
    }
}

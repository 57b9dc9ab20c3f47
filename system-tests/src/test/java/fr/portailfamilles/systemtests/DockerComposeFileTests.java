package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml against the service contract: every service module of the root pom has an
 * entry built from the shared Dockerfile, with its port, database, broker and token settings,
 * a health check, and waits for a healthy PostgreSQL and Kafka. No Docker needed: the file is read.
 */
class DockerComposeFileTests {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final String JWKS_URI = "http://account-service:8081/.well-known/jwks.json";
    private static final Pattern DEFAULTED_VARIABLE = Pattern.compile("\\$\\{[A-Z0-9_]+:?-([^}]*)}");

    /** The contract: port and database of each service (the gateway has none). */
    private static final Map<String, Contract> CONTRACT = Map.of(
            "gateway", new Contract(8080, null),
            "account-service", new Contract(8081, "account"),
            "document-service", new Contract(8082, "document"),
            "reservation-service", new Contract(8083, "reservation"),
            "billing-service", new Contract(8084, "billing"),
            "notification-service", new Contract(8085, "notification"));

    private record Contract(int port, String database) {
    }

    private static Map<String, Object> services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        Path compose = REPOSITORY.resolve("docker-compose.yml");
        assertThat(compose).as("docker-compose.yml at the repository root").isRegularFile();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Map<String, Object> document = yaml.load(Files.readString(compose));
        services = map(document.get("services"), "services");
    }

    /** Every module that is a service: the gateway and each *-service of the root pom. */
    static List<String> serviceModules() throws IOException {
        String pom = Files.readString(REPOSITORY.resolve("pom.xml"));
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            String name = module.group(1).trim();
            if (name.equals("gateway") || name.endsWith("-service")) {
                modules.add(name);
            }
        }
        return modules;
    }

    @Test
    void everyServiceOfTheContractIsAModule() throws IOException {
        assertThat(serviceModules()).containsExactlyInAnyOrderElementsOf(CONTRACT.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceModules")
    void serviceIsBuiltFromItsJarAndConfiguredByTheContract(String module) {
        Contract contract = CONTRACT.get(module);
        assertThat(contract).as("a port and database known for module %s", module).isNotNull();
        assertThat(services).as("docker-compose.yml has a service named %s", module).containsKey(module);
        Map<String, Object> service = map(services.get(module), module);

        Map<String, Object> build = map(service.get("build"), module + ".build");
        assertThat(build.get("context")).as("%s build context", module).isEqualTo(".");
        assertThat(keyValues(build.get("args"))).as("%s build args", module).containsEntry("SERVICE", module);

        Map<String, String> env = keyValues(service.get("environment"));
        assertThat(env).as("%s environment", module)
                .containsEntry("SERVER_PORT", String.valueOf(contract.port()))
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                .containsEntry("JWKS_URI", JWKS_URI)
                .containsKeys("JWT_ISSUER", "JWT_AUDIENCE");
        assertThat(withDefaults(env.get("JWT_ISSUER"))).as("%s JWT_ISSUER", module).isNotBlank();
        assertThat(withDefaults(env.get("JWT_AUDIENCE"))).as("%s JWT_AUDIENCE", module).isNotBlank();

        Map<String, Object> dependsOn = map(service.get("depends_on"), module + ".depends_on");
        if (contract.database() != null) {
            assertThat(env).as("%s database settings", module)
                    .containsEntry("DB_NAME", contract.database())
                    .containsEntry("DB_HOST", "postgres")
                    .containsEntry("DB_PORT", "5432")
                    .containsKeys("DB_USER", "DB_PASSWORD");
            assertThat(condition(dependsOn, "postgres")).as("%s waits for postgres", module).isEqualTo("service_healthy");
            assertThat(condition(dependsOn, "kafka")).as("%s waits for kafka", module).isEqualTo("service_healthy");
        }
        else {
            assertThat(env).as("%s has no database", module).doesNotContainKey("DB_NAME");
        }

        Map<String, Object> healthcheck = map(service.get("healthcheck"), module + ".healthcheck");
        assertThat(String.valueOf(healthcheck.get("test"))).as("%s health check", module)
                .contains("/actuator/health")
                .contains(String.valueOf(contract.port()));
    }

    @Test
    void gatewayRoutesToEachServiceByItsComposeNameAndPort() {
        Map<String, String> env = keyValues(map(services.get("gateway"), "gateway").get("environment"));
        assertThat(env)
                .containsEntry("ACCOUNT_SERVICE_URL", "http://account-service:8081")
                .containsEntry("DOCUMENT_SERVICE_URL", "http://document-service:8082")
                .containsEntry("RESERVATION_SERVICE_URL", "http://reservation-service:8083")
                .containsEntry("BILLING_SERVICE_URL", "http://billing-service:8084")
                .containsEntry("NOTIFICATION_SERVICE_URL", "http://notification-service:8085");
        Map<String, Object> dependsOn = map(map(services.get("gateway"), "gateway").get("depends_on"), "gateway.depends_on");
        assertThat(condition(dependsOn, "account-service")).as("the gateway needs account-service's keys")
                .isEqualTo("service_healthy");
        assertThat(map(services.get("gateway"), "gateway").get("ports")).as("the gateway is published")
                .asString().contains("8080:8080");
    }

    /** Two reservation-service instances, the same definition under two names, both balanced by the gateway. */
    @Test
    void reservationServiceRunsAsTwoInstancesThatTheGatewayBalances() {
        List<String> instances = services.entrySet().stream()
                .filter(entry -> map(entry.getValue(), entry.getKey()).get("build") instanceof Map<?, ?> build
                        && "reservation-service".equals(keyValues(build.get("args")).get("SERVICE")))
                .map(Map.Entry::getKey).sorted().toList();
        assertThat(instances).containsExactly("reservation-service", "reservation-service-2");
        assertThat(services.get("reservation-service-2")).as("the second instance is configured as the first")
                .isEqualTo(services.get("reservation-service"));

        Map<String, Object> gateway = map(services.get("gateway"), "gateway");
        String urls = keyValues(gateway.get("environment")).get("RESERVATION_SERVICE_URLS");
        assertThat(urls).as("the gateway's RESERVATION_SERVICE_URLS").isNotNull();
        assertThat(List.of(urls.split(","))).containsExactlyInAnyOrderElementsOf(
                instances.stream().map(name -> "http://" + name + ":8083").toList());
        Map<String, Object> dependsOn = map(gateway.get("depends_on"), "gateway.depends_on");
        instances.forEach(name -> assertThat(dependsOn).as("the gateway starts after " + name).containsKey(name));
    }

    /** Topics get the same partitions whoever creates them: the broker (first send) or a consumer's binder. */
    @Test
    void kafkaCreatesTopicsWithThePartitionsTheServicesAskFor() throws IOException {
        String defaults = Files.readString(REPOSITORY.resolve("platform/outbox-r2dbc/src/main/resources/portail/defaults/data.properties"));
        Matcher binder = Pattern.compile("min-partition-count=\\$\\{KAFKA_TOPIC_PARTITIONS:(\\d+)}").matcher(defaults);
        assertThat(binder.find()).as("the binder's partitions come from KAFKA_TOPIC_PARTITIONS").isTrue();
        Map<String, String> kafka = keyValues(map(services.get("kafka"), "kafka").get("environment"));
        assertThat(kafka.get("KAFKA_NUM_PARTITIONS")).isEqualTo(binder.group(1));
        assertThat(Integer.parseInt(binder.group(1))).as("several partitions, for several consumer instances").isGreaterThan(1);
    }

    @Test
    void notificationServiceSendsThroughAnSmtpServerOfTheComposeFile() {
        Map<String, String> env = keyValues(map(services.get("notification-service"), "notification-service").get("environment"));
        assertThat(env).containsKeys("SMTP_HOST", "SMTP_PORT", "PORTAL_URL");
        assertThat(services).as("SMTP_HOST names a compose service").containsKey(withDefaults(env.get("SMTP_HOST")));
        assertThat(withDefaults(env.get("SMTP_PORT"))).matches("\\d+");
        assertThat(withDefaults(env.get("PORTAL_URL"))).startsWith("http");
    }

    @Test
    void everyServiceCanLoadDemoData() {
        assertThat(keyValues(map(services.get("account-service"), "account-service").get("environment")))
                .containsKeys("DEMO_DATA", "PORTAL_URL");
        for (String service : List.of("document-service", "reservation-service", "billing-service")) {
            assertThat(keyValues(map(services.get(service), service).get("environment"))).containsKey("DEMO_DATA");
        }
    }

    @Test
    void billingServiceNeedsThePaymentSecretAndKeepsTheSimulatorOff() {
        Map<String, String> env = keyValues(map(services.get("billing-service"), "billing-service").get("environment"));
        assertThat(env.get("PAYMENT_SECRET")).as("no default secret for a real deployment").startsWith("${PAYMENT_SECRET:?");
        assertThat(withDefaults(env.get("PAYMENT_SIMULATOR"))).isEqualTo("false");
    }

    @Test
    void gatewayAndReservationServiceShareTheAdmissionPassKeyWithoutDefault() {
        for (String service : List.of("gateway", "reservation-service")) {
            Map<String, String> env = keyValues(map(services.get(service), service).get("environment"));
            assertThat(env.get("ADMISSION_PASS_SECRET")).as(service + ": no default key for a real deployment")
                    .startsWith("${ADMISSION_PASS_SECRET:?");
        }
    }

    @Test
    void postgresCreatesOneDatabasePerServiceAndReportsItsHealth() throws IOException {
        assertThat(services).containsKey("postgres");
        Map<String, Object> postgres = map(services.get("postgres"), "postgres");
        assertThat(String.valueOf(postgres.get("image"))).startsWith("postgres:17");
        assertThat(postgres).containsKey("healthcheck");
        String initScript = list(postgres.get("volumes"), "postgres.volumes").stream()
                .map(String::valueOf)
                .filter(volume -> volume.contains(":/docker-entrypoint-initdb.d/"))
                .map(volume -> volume.substring(0, volume.indexOf(':')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("postgres mounts no init script into /docker-entrypoint-initdb.d"));
        Path script = REPOSITORY.resolve(initScript).normalize();
        assertThat(script).as("init script").isRegularFile();
        String sql = Files.readString(script);
        CONTRACT.values().stream().map(Contract::database).filter(database -> database != null)
                .forEach(database -> assertThat(sql).as("init script creates " + database)
                        .containsIgnoringCase("CREATE DATABASE " + database + ";"));
    }

    @Test
    void kafkaRunsAsOneKraftNodeAdvertisedUnderItsComposeName() {
        assertThat(services).containsKey("kafka");
        Map<String, Object> kafka = map(services.get("kafka"), "kafka");
        assertThat(String.valueOf(kafka.get("image"))).startsWith("apache/kafka:");
        assertThat(kafka).containsKey("healthcheck");
        Map<String, String> env = keyValues(kafka.get("environment"));
        assertThat(env.get("KAFKA_PROCESS_ROLES")).contains("broker").contains("controller");
        assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).contains("kafka:9092");
        assertThat(env).containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1");
    }

    @Test
    void dockerfileCopiesTheJarOfTheServiceArgument() throws IOException {
        String dockerfile = Files.readString(REPOSITORY.resolve("Dockerfile"));
        assertThat(dockerfile).contains("ARG SERVICE")
                .contains("${SERVICE}/target/${SERVICE}.jar")
                .contains("FROM eclipse-temurin:17-jre")
                .contains("HEALTHCHECK")
                .containsPattern("(?m)^USER (?!root)");
    }

    // ---------------------------------------------------------------- helpers

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what + " is a mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value, String what) {
        assertThat(value).as(what + " is a list").isInstanceOf(List.class);
        return (List<?>) value;
    }

    /** Compose accepts both {@code KEY: value} mappings and {@code - KEY=value} lists. */
    private static Map<String, String> keyValues(Object value) {
        Map<String, String> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> mapping) {
            mapping.forEach((key, item) -> result.put(String.valueOf(key), item == null ? "" : String.valueOf(item)));
        }
        else if (value instanceof List<?> items) {
            for (Object item : items) {
                String pair = String.valueOf(item);
                int equals = pair.indexOf('=');
                result.put(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1));
            }
        }
        return result;
    }

    private static String condition(Map<String, Object> dependsOn, String dependency) {
        assertThat(dependsOn).as("depends_on " + dependency).containsKey(dependency);
        return String.valueOf(map(dependsOn.get(dependency), "depends_on." + dependency).get("condition"));
    }

    /** What {@code ${NAME:-default}} gives when NAME is unset. */
    private static String withDefaults(String value) {
        return value == null ? null : DEFAULTED_VARIABLE.matcher(value).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
    }
}

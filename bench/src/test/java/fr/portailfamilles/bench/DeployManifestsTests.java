package fr.portailfamilles.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/k8s holds what it says and refers only to what exists: every Service, PodDisruptionBudget and the HPA find
 * their Deployment, ports and probes name the container's port on the actuator's liveness and readiness groups,
 * every ConfigMap key read is defined, the gateway's service URLs point at Services, and kustomization lists every file.
 */
class DeployManifestsTests {

    private static final Path K8S = Path.of("..", "deploy", "k8s");
    private static final List<Map<String, Object>> documents = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).sorted().toList()) {
                try (Reader in = Files.newBufferedReader(file)) {
                    for (Object document : new Yaml().loadAll(in)) {
                        if (document != null) {
                            documents.add(map(document));
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyServiceOfThePortalHasADeploymentAServiceAndADisruptionBudget() {
        List<String> services = List.of("gateway", "account-service", "document-service", "reservation-service", "billing-service",
                "notification-service");
        for (String name : services) {
            assertThat(named("Deployment", name)).as("Deployment " + name).isNotNull();
            assertThat(named("Service", name)).as("Service " + name).isNotNull();
            assertThat(named("PodDisruptionBudget", name)).as("PDB " + name).isNotNull();
        }
        assertThat(named("HorizontalPodAutoscaler", "reservation-service")).isNotNull();
    }

    @Test
    void selectorsAndTargetsFindTheirDeployment() {
        for (Map<String, Object> document : of("Service")) {
            Map<String, Object> selector = map(path(document, "spec", "selector"));
            List<Map<String, Object>> matched = of("Deployment").stream()
                    .filter(deployment -> map(path(deployment, "spec", "template", "metadata", "labels")).entrySet().containsAll(selector.entrySet()))
                    .toList();
            assertThat(matched).as("Deployments selected by Service " + name(document)).hasSize(1);
            for (Object port : list(path(document, "spec", "ports"))) {
                assertThat(containerPortNames(matched.get(0))).as("targetPort of Service " + name(document)).contains(map(port).get("targetPort"));
            }
        }
        for (Map<String, Object> document : of("PodDisruptionBudget")) {
            Map<String, Object> selector = map(path(document, "spec", "selector", "matchLabels"));
            assertThat(of("Deployment").stream()
                    .filter(deployment -> map(path(deployment, "spec", "template", "metadata", "labels")).entrySet().containsAll(selector.entrySet())))
                    .as("Deployments of PDB " + name(document)).hasSize(1);
        }
        for (Map<String, Object> document : of("HorizontalPodAutoscaler")) {
            Map<String, Object> target = map(path(document, "spec", "scaleTargetRef"));
            assertThat(target.get("kind")).isEqualTo("Deployment");
            assertThat(named("Deployment", (String) target.get("name"))).as("HPA target").isNotNull();
        }
        for (Map<String, Object> deployment : of("Deployment")) {
            assertThat(map(path(deployment, "spec", "template", "metadata", "labels")).entrySet())
                    .as("selector of Deployment " + name(deployment))
                    .containsAll(map(path(deployment, "spec", "selector", "matchLabels")).entrySet());
        }
    }

    @Test
    void probesUseTheActuatorHealthGroupsOnTheContainerPort() {
        for (Map<String, Object> deployment : of("Deployment")) {
            Map<String, Object> container = container(deployment);
            assertThat(path(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat(path(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            assertThat(path(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                assertThat(containerPortNames(deployment)).contains(path(container, probe, "httpGet", "port"));
            }
            // The service listens where its SERVER_PORT says, which is the container port.
            assertThat(env(container).get("SERVER_PORT")).isEqualTo(String.valueOf(map(list(container.get("ports")).get(0)).get("containerPort")));
        }
    }

    @Test
    void configMapKeysExistAndTheGatewayReachesServices() {
        Map<String, Object> config = map(named("ConfigMap", "portail-config").get("data"));
        for (Map<String, Object> deployment : of("Deployment")) {
            for (Object variable : list(container(deployment).get("env"))) {
                Object reference = path(map(variable), "valueFrom", "configMapKeyRef");
                if (reference != null) {
                    assertThat(map(reference).get("name")).isEqualTo("portail-config");
                    assertThat(config).as("key read by " + name(deployment)).containsKey((String) map(reference).get("key"));
                }
            }
        }
        env(container(named("Deployment", "gateway"))).forEach((name, value) -> {
            if (name.endsWith("_SERVICE_URL")) {
                URI uri = URI.create(value);
                Map<String, Object> service = named("Service", uri.getHost());
                assertThat(service).as(name + " names a Service").isNotNull();
                assertThat(list(path(service, "spec", "ports")).stream().map(port -> map(port).get("port"))).contains(uri.getPort());
            }
        });
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        Map<String, Object> kustomization;
        try (Reader in = Files.newBufferedReader(K8S.resolve("kustomization.yaml"))) {
            kustomization = map(new Yaml().load(in));
        }
        try (Stream<Path> files = Files.list(K8S)) {
            assertThat(list(kustomization.get("resources"))).containsExactlyInAnyOrderElementsOf(files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).toList());
        }
    }

    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (Object variable : list(container.get("env"))) {
            Object value = map(variable).get("value");
            values.put((String) map(variable).get("name"), value == null ? null : String.valueOf(value));
        }
        return values;
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        List<Object> containers = list(path(deployment, "spec", "template", "spec", "containers"));
        assertThat(containers).hasSize(1);
        return map(containers.get(0));
    }

    private static List<Object> containerPortNames(Map<String, Object> deployment) {
        return list(container(deployment).get("ports")).stream().map(port -> map(port).get("name")).map(Object.class::cast).toList();
    }

    private static List<Map<String, Object>> of(String kind) {
        return documents.stream().filter(document -> kind.equals(document.get("kind"))).toList();
    }

    private static Map<String, Object> named(String kind, String name) {
        return of(kind).stream().filter(document -> Objects.equals(name, name(document))).findFirst().orElse(null);
    }

    private static String name(Map<String, Object> document) {
        return (String) map(document.get("metadata")).get("name");
    }

    private static Object path(Map<String, Object> from, String... keys) {
        Object current = from;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> node)) {
                return null;
            }
            current = node.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}

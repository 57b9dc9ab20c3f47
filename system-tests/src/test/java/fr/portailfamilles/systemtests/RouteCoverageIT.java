package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.yaml.snakeyaml.Yaml;

import fr.portailfamilles.localstack.PortalService;

/**
 * Every path each running service publishes in its OpenAPI document (/v3/api-docs), parents' and staff's,
 * is routed by the gateway's route list (gateway/src/main/resources/application.yml, as shipped) to that
 * service: routes taken in the gateway's order (their {@code order}, then as written) and matched with
 * Spring's PathPattern, as the gateway's Path predicate does. A new endpoint the gateway cannot reach, or
 * one another service's route catches first (as /api/admin/families/{id}/reservations once was), fails.
 */
class RouteCoverageIT {

    record Route(String id, int order, int position, List<PathPattern> patterns) {
    }

    @Test
    void everyPathEveryServicePublishesIsRoutedToThatService() throws IOException {
        List<Route> routes = gatewayRoutes(RunningSystem.get().repositoryRoot().resolve("gateway/src/main/resources/application.yml"));
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        int checked = 0;
        for (PortalService service : RunningSystem.get().services()) {
            if (service == PortalService.GATEWAY) {
                continue;
            }
            Map<?, ?> document = WebTestClient.bindToServer().baseUrl(RunningSystem.get().serviceUrl(service))
                    // springdoc builds the document at the first call: seconds on a busy machine.
                    .responseTimeout(Duration.ofSeconds(60)).build()
                    .get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            Map<?, ?> paths = (Map<?, ?>) document.get("paths");
            assertThat(paths).as("%s publishes its paths", service.module()).isNotEmpty();
            for (Object path : paths.keySet()) {
                String routedTo = routedTo(routes, path.toString());
                if (!routedTo.equals(service.module())) {
                    wrong.computeIfAbsent(service.module(), s -> new ArrayList<>()).add(path + " → " + routedTo);
                }
                checked++;
            }
        }
        assertThat(checked).as("paths checked").isGreaterThan(50);
        assertThat(wrong).as("paths the gateway does not route to the service that serves them").isEmpty();
    }

    /** The route the gateway takes for an OpenAPI path (its {variables} filled in), or "no route". */
    static String routedTo(List<Route> routes, String openApiPath) {
        PathContainer concrete = PathContainer.parsePath(openApiPath.replaceAll("\\{[^}]+}", "x1"));
        return routes.stream().filter(route -> route.patterns().stream().anyMatch(p -> p.matches(concrete)))
                .map(Route::id).findFirst().orElse("no route");
    }

    /** The gateway's routes in the order it tries them. */
    @SuppressWarnings("unchecked")
    static List<Route> gatewayRoutes(Path yml) throws IOException {
        Map<String, Object> root;
        try (InputStream in = Files.newInputStream(yml)) {
            root = new Yaml().load(in);
        }
        Object node = root;
        for (String key : "spring.cloud.gateway.server.webflux.routes".split("\\.")) {
            node = ((Map<String, Object>) node).get(key);
        }
        List<Route> routes = new ArrayList<>();
        PathPatternParser parser = new PathPatternParser();
        for (Map<String, Object> route : (List<Map<String, Object>>) node) {
            List<PathPattern> patterns = new ArrayList<>();
            for (Object predicate : (List<Object>) route.get("predicates")) {
                String text = predicate.toString();
                if (text.startsWith("Path=")) {
                    for (String pattern : text.substring("Path=".length()).split(",")) {
                        patterns.add(parser.parse(pattern.strip()));
                    }
                }
            }
            routes.add(new Route((String) route.get("id"), route.get("order") == null ? 0 : ((Number) route.get("order")).intValue(),
                    routes.size(), patterns));
        }
        routes.sort(Comparator.comparingInt(Route::order).thenComparingInt(Route::position));
        assertThat(routes).as("gateway routes read from %s", yml).hasSizeGreaterThanOrEqualTo(5);
        return routes;
    }
}

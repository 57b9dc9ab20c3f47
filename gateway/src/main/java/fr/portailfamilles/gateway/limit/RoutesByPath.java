package fr.portailfamilles.gateway.limit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which limited route a request is for, from its path alone: the concurrency limits run before
 * Spring Security and before the gateway matches its routes, so they read the routes' own
 * {@code Path} predicates (application.yml) in the gateway's order, and never a second copy of them.
 * Only routes the limits cover are kept; a request for none of them passes unlimited.
 */
@Component
public class RoutesByPath {

    private record RoutePaths(String route, List<PathPattern> patterns) {
    }

    private final List<RoutePaths> routes;
    private final List<PathPattern> waitingRoom;

    public RoutesByPath(GatewayProperties gateway, ConcurrencyLimits limits, ConcurrencyLimitProperties properties) {
        // A stable sort by order keeps the file's order among equals, as the gateway does.
        List<RouteDefinition> ordered = new ArrayList<>(gateway.getRoutes());
        ordered.sort(Comparator.comparingInt(RouteDefinition::getOrder));
        this.routes = ordered.stream().filter(route -> limits.limits(route.getId()))
                .map(route -> new RoutePaths(route.getId(), pathPatterns(route))).toList();
        this.waitingRoom = properties.waitingRoomPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    /** The id of the first limited route whose path patterns match, if any. */
    public Optional<String> routeOf(PathContainer path) {
        for (RoutePaths route : routes) {
            for (PathPattern pattern : route.patterns()) {
                if (pattern.matches(path)) {
                    return Optional.of(route.route());
                }
            }
        }
        return Optional.empty();
    }

    public boolean isWaitingRoom(PathContainer path) {
        for (PathPattern pattern : waitingRoom) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /** {@code Path=/a/**,/b} arrives as generated keys, the long form as {@code patterns}. */
    private static List<PathPattern> pathPatterns(RouteDefinition route) {
        List<PathPattern> patterns = new ArrayList<>();
        for (PredicateDefinition predicate : route.getPredicates()) {
            if (!"Path".equals(predicate.getName())) {
                continue;
            }
            for (Map.Entry<String, String> arg : predicate.getArgs().entrySet()) {
                if (arg.getKey().startsWith("_genkey_") || arg.getKey().startsWith("patterns")) {
                    for (String pattern : arg.getValue().split(",")) {
                        if (!pattern.isBlank()) {
                            patterns.add(PathPatternParser.defaultInstance.parse(pattern.trim()));
                        }
                    }
                }
            }
        }
        return patterns;
    }
}

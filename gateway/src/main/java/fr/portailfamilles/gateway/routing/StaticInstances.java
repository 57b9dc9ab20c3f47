package fr.portailfamilles.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;

import reactor.core.publisher.Flux;

/**
 * The instances behind each {@code lb://<service>} route, from configuration: no registry (compose and
 * Kubernetes name the instances, {@code dev/run --replicas} lists their ports). Set as a comma-separated list of
 * URLs, e.g. {@code RESERVATION_SERVICE_URLS=http://reservation-service-1:8083,http://reservation-service-2:8083}.
 * Spring Cloud LoadBalancer picks among them round-robin and drops those whose readiness probe fails.
 *
 * @param instances base URLs per service id
 */
@ConfigurationProperties("portail.gateway")
public record StaticInstances(Map<String, List<URI>> instances) implements ReactiveDiscoveryClient {

    public StaticInstances {
        instances = instances == null ? Map.of() : Map.copyOf(instances);
        instances.forEach((service, urls) -> {
            if (urls.isEmpty()) {
                throw new IllegalArgumentException("portail.gateway.instances." + service + " lists no URL");
            }
        });
    }

    @Override
    public String description() {
        return "Instances listed in portail.gateway.instances";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        List<URI> urls = instances.getOrDefault(serviceId, List.of());
        return Flux.range(0, urls.size()).map(index -> {
            URI url = urls.get(index);
            DefaultServiceInstance instance = new DefaultServiceInstance(serviceId + "-" + index, serviceId,
                    url.getHost(), url.getPort() > 0 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80),
                    "https".equals(url.getScheme()));
            return instance;
        });
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(instances.keySet());
    }
}

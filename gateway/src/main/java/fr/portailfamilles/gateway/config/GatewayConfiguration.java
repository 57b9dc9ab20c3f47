package fr.portailfamilles.gateway.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import fr.portailfamilles.gateway.fallback.FallbackProperties;
import fr.portailfamilles.gateway.limit.ConcurrencyLimitProperties;
import fr.portailfamilles.gateway.limit.RequestSizeProperties;
import fr.portailfamilles.gateway.routing.StaticInstances;

/** Typed settings of the gateway; routes themselves live in application.yml. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({FallbackProperties.class, ConcurrencyLimitProperties.class, StaticInstances.class,
        RequestSizeProperties.class})
public class GatewayConfiguration {
}

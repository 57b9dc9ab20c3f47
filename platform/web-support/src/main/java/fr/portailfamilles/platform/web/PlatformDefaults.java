package fr.portailfamilles.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds every platform module's {@code portail/defaults/*.properties} as the lowest-precedence source,
 * before the context starts: a service's application.yml and the environment override them, and
 * unlike {@code @PropertySource} they are seen by conditions (actuator exposure, problem details).
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    private static final String LOCATION = "classpath*:portail/defaults/*.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                environment.getPropertySources().addLast(
                        new ResourcePropertySource("portail-defaults:" + resource.getFilename(), resource));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read the platform defaults", ex);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

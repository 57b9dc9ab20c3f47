package fr.portailfamilles.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points an application context at the JVM's real PostgreSQL (a fresh database per context) and
 * Kafka broker (a unique consumer group per context, so contexts never steal each other's messages).
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        String application = environment.getProperty("spring.application.name", "app").replaceAll("[^a-z0-9]", "_");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String database = (application + "_" + suffix).toLowerCase();

        TestPostgres postgres = TestInfrastructure.postgres();
        postgres.createDatabase(database);
        TestKafka kafka = TestInfrastructure.kafka();

        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.r2dbc.url", postgres.r2dbcUrl(database));
        properties.put("spring.r2dbc.username", postgres.username());
        properties.put("spring.r2dbc.password", postgres.password());
        properties.put("spring.flyway.url", postgres.jdbcUrl(database));
        properties.put("spring.flyway.user", postgres.username());
        properties.put("spring.flyway.password", postgres.password());
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("spring.cloud.stream.kafka.binder.brokers", kafka.bootstrapServers());
        properties.put("spring.cloud.stream.default.group", application + "-" + suffix);
        properties.put("portail.test.database", database);
        properties.put("portail.security.jwks-uri", TestTokens.jwksUri());
        environment.getPropertySources().addFirst(new MapPropertySource("realInfrastructure", properties));
    }
}

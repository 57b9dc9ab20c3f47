package fr.portailfamilles.platform.outbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import fr.portailfamilles.testsupport.RealInfrastructureInitializer;

/**
 * The one context every test of this module shares (so it starts once): the test application on the
 * JVM's real PostgreSQL and Kafka. No web server: the module has no endpoints.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = OutboxTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
public @interface OutboxIntegrationTest {
}

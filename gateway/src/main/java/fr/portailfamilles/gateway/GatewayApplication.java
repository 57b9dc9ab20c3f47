package fr.portailfamilles.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The single public entry point: authenticates every request, routes {@code /api/**} to the
 * services, answers a problem+json 503 when one is down, and serves the web pages.
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}

package fr.portailfamilles.notification.config;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import fr.portailfamilles.notification.mail.application.MailProperties;
import fr.portailfamilles.notification.mail.application.MailRenderer;

/** E-mail templates: {@code .html} rendered in HTML mode (escaped), {@code .txt} in text mode. */
@Configuration(proxyBeanMethods = false)
public class MailTemplateConfiguration {

    @Bean
    TemplateEngine mailTemplateEngine() {
        return templateEngine();
    }

    @Bean
    MailRenderer mailRenderer(TemplateEngine mailTemplateEngine, MailProperties properties) {
        return new MailRenderer(mailTemplateEngine, properties.portalUrl());
    }

    /** The engine as the service uses it; tests render every template with it, without a context. */
    public static TemplateEngine templateEngine() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }
}

package fr.portailfamilles.notification.mail.application;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Renders {@code templates/mail/<template>.txt} and {@code .html} in French with the portal's address. */
public class MailRenderer {

    private final TemplateEngine templates;
    private final String portalUrl;

    public MailRenderer(TemplateEngine templates, String portalUrl) {
        this.templates = templates;
        this.portalUrl = portalUrl;
    }

    public RenderedMail render(String template, String subject, Map<String, Object> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("portalUrl", portalUrl);
        variables.put("subject", subject);
        Context context = new Context(Locale.FRANCE, variables);
        return new RenderedMail(subject, templates.process(template + ".txt", context), templates.process(template + ".html", context));
    }

    public record RenderedMail(String subject, String text, String html) {
    }
}

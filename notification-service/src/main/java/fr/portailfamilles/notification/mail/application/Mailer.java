package fr.portailfamilles.notification.mail.application;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import fr.portailfamilles.notification.mail.domain.Mail;
import fr.portailfamilles.notification.mail.domain.MailDelivery;
import fr.portailfamilles.notification.mail.domain.MailDeliveryRepository;
import jakarta.mail.MessagingException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Renders a French HTML + plain-text e-mail and sends it over SMTP, off the event loop. */
@Service
public class Mailer {

    private static final Locale FRENCH = Locale.FRANCE;

    private final JavaMailSender sender;
    private final TemplateEngine templates;
    private final MailDeliveryRepository deliveries;
    private final MailProperties properties;
    private final String portalUrl;

    public Mailer(JavaMailSender sender, @Qualifier("mailTemplateEngine") TemplateEngine templates,
            MailDeliveryRepository deliveries, MailProperties properties, @Value("${portail.portal-url}") String portalUrl) {
        this.sender = sender;
        this.templates = templates;
        this.deliveries = deliveries;
        this.properties = properties;
        this.portalUrl = portalUrl;
    }

    /** Sends, then logs the delivery in the caller's transaction. */
    public Mono<Void> send(Mail mail) {
        return Mono.fromRunnable(() -> deliver(mail))
                .subscribeOn(Schedulers.boundedElastic())
                .then(deliveries.save(MailDelivery.sent(mail.eventId(), mail.recipient(), mail.template(), mail.subject())))
                .then();
    }

    private void deliver(Mail mail) {
        Context context = new Context(FRENCH, mail.model());
        context.setVariable("portalUrl", portalUrl);
        context.setVariable("subject", mail.subject());
        try {
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(mail.recipient());
            helper.setSubject(mail.subject());
            helper.setText(templates.process(mail.template() + ".txt", context), templates.process(mail.template() + ".html", context));
            sender.send(message);
        }
        catch (MessagingException ex) {
            throw new IllegalStateException("Could not build the e-mail " + mail.template(), ex);
        }
    }
}

package fr.portailfamilles.notification.bench;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import fr.portailfamilles.infra.FreePorts;
import fr.portailfamilles.notification.NotificationServiceApplication;
import fr.portailfamilles.notification.mail.application.DeliveryQueue;
import fr.portailfamilles.notification.mail.application.DeliverySender;
import fr.portailfamilles.notification.mail.application.MailProperties;
import fr.portailfamilles.notification.mail.application.MailRenderer.RenderedMail;
import fr.portailfamilles.notification.mail.domain.MailPriority;
import fr.portailfamilles.testsupport.RealInfrastructureInitializer;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;

/**
 * How many e-mails per second the sender delivers to a local SMTP server: the real service (its sender,
 * its settings) on a throwaway PostgreSQL and Kafka, 10,000 deliveries queued while the sender is
 * stopped, then timed from the sender's start until the last row is SENT. Not a test: run it with
 * {@code notification-service/bench/mail-throughput.sh} (see there for the options).
 */
public final class MailThroughputBenchmark {

    private MailThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int mails = Integer.getInteger("bench.mails", 10_000);
        String smtpHost = System.getProperty("bench.smtp.host");
        int smtpPort = Integer.getInteger("bench.smtp.port", 0);
        GreenMail greenMail = null;
        if (smtpHost == null || smtpHost.isBlank()) {
            // A GreenMail SMTP server in this JVM: it shares the CPU with the sender, so the figure is a floor.
            smtpHost = "127.0.0.1";
            smtpPort = FreePorts.next();
            greenMail = new GreenMail(new ServerSetup(smtpPort, smtpHost, ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            // One catch-all mailbox, as dev/run's mail catcher does, rather than a new user per recipient.
            GreenMailUser catchAll = greenMail.setUser("catch-all@localhost", "catch-all", "catch-all");
            greenMail.getUserManager().setMessageDeliveryHandler((message, address) -> catchAll);
        }
        System.setProperty("logging.level.com.icegreen", "WARN");
        // System properties: they outrank application.yml, which reads SMTP_HOST / SMTP_PORT.
        System.setProperty("spring.mail.host", smtpHost);
        System.setProperty("spring.mail.port", Integer.toString(smtpPort));
        System.setProperty("server.port", "0");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(NotificationServiceApplication.class)
                .initializers(new RealInfrastructureInitializer())
                .properties("spring.main.banner-mode=off")
                .run();
        try {
            DeliverySender sender = app.getBean(DeliverySender.class);
            DeliveryQueue queue = app.getBean(DeliveryQueue.class);
            DatabaseClient database = app.getBean(DatabaseClient.class);
            MailProperties.Delivery settings = app.getBean(MailProperties.class).delivery();
            MeterRegistry meters = app.getBean(MeterRegistry.class);

            sender.stop();
            String html = "<p>" + "Votre réservation est confirmée. ".repeat(40) + "</p>";
            String text = "Votre réservation est confirmée. ".repeat(40);
            Flux.range(0, mails)
                    .flatMap(i -> queue.add("bench-" + i, null, "parent-" + i + "@exemple.fr", "booking-placed", MailPriority.BULK,
                            new RenderedMail("Portail Familles : confirmation de votre réservation", text, html)), 8)
                    .blockLast();
            System.out.printf("Queued %d e-mails; sending to %s:%d with %d workers, batches of %d%n", mails, smtpHost, smtpPort,
                    settings.workers(), settings.batchSize());

            long started = System.nanoTime();
            sender.start();
            long sent = 0;
            while (sent < mails) {
                Thread.sleep(100);
                sent = database.sql("SELECT count(*) AS n FROM delivery WHERE status = 'SENT'")
                        .map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10));
                if (Duration.ofNanos(System.nanoTime() - started).toMinutes() >= 10) {
                    throw new IllegalStateException("Only " + sent + " of " + mails + " sent after 10 minutes");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long failed = database.sql("SELECT count(*) AS n FROM delivery WHERE status <> 'SENT' OR attempts <> 1")
                    .map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10));
            System.out.printf(Locale.ROOT, "RESULT: %d e-mails in %.1f s = %.0f e-mails/s (workers=%d, batch=%d, SMTP connections opened=%.0f,"
                            + " rows not sent exactly once=%d%s)%n", mails, seconds, mails / seconds, settings.workers(), settings.batchSize(),
                    meters.counter("notification.smtp.connections.opened").count(), failed,
                    greenMail == null ? "" : ", GreenMail received=" + greenMail.getReceivedMessages().length);
        }
        finally {
            app.close();
            if (greenMail != null) {
                greenMail.stop();
            }
        }
        System.exit(0);
    }
}

package fr.portailfamilles.notification.config;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Demo data for the local run (DEMO_DATA=true), created once (fixed id): one e-mail to the Bernard family
 * whose delivery failed after every attempt, as a mailbox that was full would leave it, so staff find it
 * in « Courriels » and send it again (the demo's mail catcher accepts it).
 */
@Component
@ConditionalOnBooleanProperty("portail.demo.enabled")
public class DemoData implements ApplicationRunner {

    /** account-service's demo family Bernard: keep them in step. */
    public static final UUID BERNARD_FAMILY = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000002");
    public static final UUID FAILED_DELIVERY = UUID.fromString("de11e0e0-0000-4000-8000-000000000001");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DatabaseClient database;

    public DemoData(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long inserted = database.sql("""
                        INSERT INTO delivery (id, event_id, family_id, recipient, template, subject, body_text, body_html, status,
                                              attempts, last_error, created_at, priority)
                        VALUES (:id, 'demo-failed-delivery', :familyId, 'famille.bernard@exemple.fr', 'demo-reminder',
                                'Portail Familles : rappel, pièces justificatives à renouveler',
                                'Bonjour, pensez à renouveler votre attestation d''assurance pour la rentrée. Le service Portail-familles.',
                                '<p>Bonjour, pensez à renouveler votre attestation d''assurance pour la rentrée.</p><p>Le service Portail-familles.</p>',
                                'FAILED', 8, '452 4.2.2 Mailbox full (boîte pleine chez le destinataire)', now() - interval '2 days', 2)
                        ON CONFLICT DO NOTHING""")
                .bind("id", FAILED_DELIVERY).bind("familyId", BERNARD_FAMILY)
                .fetch().rowsUpdated().block();
        if (inserted != null && inserted > 0) {
            log.info("Demo failed delivery created (« Courriels »)");
        }
    }
}

package fr.portailfamilles.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.account.auth.domain.UserAccountRepository;
import fr.portailfamilles.account.config.DemoAccountRequests;
import fr.portailfamilles.account.config.DemoData;
import fr.portailfamilles.account.family.application.Families;
import fr.portailfamilles.account.family.application.FamilyEvents;
import fr.portailfamilles.account.request.application.AccountRequests;
import fr.portailfamilles.account.request.domain.AccountRequestRepository;
import fr.portailfamilles.events.Topics;
import fr.portailfamilles.testsupport.IntegrationTest;
import fr.portailfamilles.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/** The demo family the other services' demo data refer to, run in the shared context (no extra one). */
@IntegrationTest
class DemoDataIT {

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    Families families;

    @Autowired
    FamilyEvents familyEvents;

    @Autowired
    TransactionalOperator transaction;

    @Autowired
    DatabaseClient database;

    @Autowired
    AccountRequests accountRequests;

    @Autowired
    AccountRequestRepository storedRequests;

    @Test
    void theDemoAccountRequestsWaitForStaffOnceEachAcrossRestarts() {
        DemoAccountRequests demo = new DemoAccountRequests(accountRequests, storedRequests);
        demo.run(null);
        demo.run(null);

        assertThat(database.sql("""
                        SELECT contact_email || ' ' || status FROM account_request
                        WHERE contact_email IN ('famille.petit@exemple.fr', 'famille.roux@exemple.fr') ORDER BY contact_email""")
                .map(row -> row.get(0, String.class)).all().collectList().block())
                .containsExactly("famille.petit@exemple.fr PENDING", "famille.roux@exemple.fr PENDING");
    }

    @Test
    void theDemoFamiliesAreCreatedWithFixedIdsAndAnnouncedOnceAcrossRestarts() {
        DemoData demo = new DemoData(accounts, passwordEncoder, families, familyEvents, transaction);
        demo.run(null);
        demo.run(null);

        String family = DemoData.MARTIN_FAMILY.toString();
        try (TopicProbe probe = new TopicProbe(Topics.FAMILY)) {
            probe.await(record -> family.equals(record.key()), Duration.ofSeconds(30));
            var registered = probe.drain(record -> family.equals(record.key())
                    && "account.FamilyRegistered.v1".equals(TopicProbe.header(record, "ce_type")), Duration.ofSeconds(2));
            assertThat(registered).hasSize(1);
            JsonNode payload = AccountFlows.json(registered.get(0).value());
            assertThat(payload.get("familyName").asString()).isEqualTo("Martin");
            assertThat(payload.get("town").asString()).isEqualTo("Reims");
            assertThat(payload.get("resident").asBoolean()).isTrue();
            assertThat(payload.get("accountActive").asBoolean()).isTrue();
            assertThat(payload.get("parents").get(0).get("email").asString()).isEqualTo("famille.martin@exemple.fr");
            assertThat(payload.get("children").findValuesAsString("childId"))
                    .containsExactly("6f1c2d3e-0000-4000-8000-000000000011", "6f1c2d3e-0000-4000-8000-000000000012");
            assertThat(payload.get("children").get(0).get("school").asString()).isEqualTo("École Jean Macé");

            String bernard = DemoData.BERNARD_FAMILY.toString();
            probe.await(record -> bernard.equals(record.key()), Duration.ofSeconds(30));
            var bernardRegistered = probe.drain(record -> bernard.equals(record.key())
                    && "account.FamilyRegistered.v1".equals(TopicProbe.header(record, "ce_type")), Duration.ofSeconds(2));
            assertThat(bernardRegistered).hasSize(1);
            assertThat(AccountFlows.json(bernardRegistered.get(0).value()).get("children").findValuesAsString("childId"))
                    .containsExactly(DemoData.LINA_BERNARD.toString());
        }
        assertThat(database.sql("SELECT count(*) FROM user_account WHERE email = 'famille.martin@exemple.fr'")
                .map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1);
    }
}

package fr.portailfamilles.platform.outbox;

import static fr.portailfamilles.platform.outbox.TestData.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import fr.portailfamilles.events.account.AccountRequestReceived;
import fr.portailfamilles.testsupport.TestInfrastructure;
import fr.portailfamilles.testsupport.TestPostgres;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivery across what goes wrong in production: the consumer's database refusing connections for longer
 * than any fixed retry budget, and a producer one version ahead.
 */
@OutboxIntegrationTest
class DeliveryOutageIT {

    @Autowired
    OutboxTestApplication.Handler handler;

    @Autowired
    DatabaseClient database;

    @Autowired
    JsonMapper jsonMapper;

    @Test
    void whenTheConsumersDatabaseRefusesConnectionsForFifteenSecondsThenTheEventIsHandledOnceItIsBack() throws Exception {
        AccountRequestReceived event = request("Outage");
        String messageId;
        String databaseName = database.sql("SELECT current_database()").map(row -> row.get(0, String.class)).one().block();
        try (RawEvents events = new RawEvents(jsonMapper)) {
            refuseConnections(databaseName, true);
            try {
                messageId = events.send(event);
                // The old budget (4 attempts from 500 ms) was spent in ~3.5 s; this outage lasts four times that.
                Thread.sleep(15_000);
            }
            finally {
                refuseConnections(databaseName, false);
            }
        }

        TestData data = new TestData(database);
        await().atMost(Duration.ofSeconds(60)).until(() -> data.processedMessages(messageId) == 1);
        assertThat(data.handledRows(event)).isOne();
        assertThat(handler.runs(event.requestId())).as("the handler ran once it could commit").isOne();
    }

    @Test
    void whenAProducerAddsAFieldThenTheConsumerStillHandlesTheEvent() {
        AccountRequestReceived event = request("Newer producer");
        String messageId;
        try (RawEvents events = new RawEvents(jsonMapper)) {
            messageId = events.sendWithExtraField(event);
        }

        TestData data = new TestData(database);
        await().atMost(Duration.ofSeconds(30)).until(() -> data.processedMessages(messageId) == 1);
        assertThat(data.handledRows(event)).isOne();
    }

    /** The database goes away for its clients as in a restart: new connections refused, open ones cut. */
    private static void refuseConnections(String databaseName, boolean refuse) throws SQLException {
        TestPostgres postgres = TestInfrastructure.postgres();
        try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
                Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + databaseName + " WITH ALLOW_CONNECTIONS " + !refuse);
            if (refuse) {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + databaseName + "'");
            }
        }
    }
}

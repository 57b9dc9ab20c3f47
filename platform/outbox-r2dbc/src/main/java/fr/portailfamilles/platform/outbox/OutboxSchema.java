package fr.portailfamilles.platform.outbox;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Migrates the outbox and inbox tables in their own {@code messaging} schema with their own Flyway
 * history, so the platform evolves them without touching the service's schema or version numbers.
 */
public class OutboxSchema implements InitializingBean {

    private final String url;
    private final String user;
    private final String password;

    public OutboxSchema(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public void afterPropertiesSet() {
        DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url, user, password);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/outbox")
                .schemas("messaging")
                .table("messaging_schema_history")
                .load()
                .migrate();
    }
}

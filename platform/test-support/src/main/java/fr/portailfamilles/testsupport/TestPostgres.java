package fr.portailfamilles.testsupport;

/** The PostgreSQL server shared by every test of one JVM; each context gets its own database. */
public interface TestPostgres {

    String jdbcUrl(String database);

    String r2dbcUrl(String database);

    String username();

    String password();

    void createDatabase(String name);
}

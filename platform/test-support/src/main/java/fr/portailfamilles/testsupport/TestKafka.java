package fr.portailfamilles.testsupport;

/** The Kafka broker shared by every test of one JVM; it can be stopped and started to test outages. */
public interface TestKafka {

    String bootstrapServers();

    void stop();

    void start();
}

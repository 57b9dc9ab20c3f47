package fr.portailfamilles.platform.outbox;

import java.nio.charset.StandardCharsets;

import org.springframework.messaging.MessageHeaders;

/** CloudEvents Kafka protocol binding, binary mode: metadata in headers, the event itself as the value. */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    /** Kafka headers reach Spring messages as bytes or strings depending on the mapper: accept both. */
    public static String read(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}

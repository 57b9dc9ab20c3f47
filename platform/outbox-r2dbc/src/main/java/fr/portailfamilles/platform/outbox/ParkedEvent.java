package fr.portailfamilles.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An event its consumer could never handle as it was, as an operator sees it: where it came from, why it
 * was parked, the payload as text, and whether it was replayed since.
 */
public record ParkedEvent(UUID id, String consumer, String topic, int partition, long offset, String key,
        String eventId, String eventType, Map<String, String> headers, @JsonIgnore byte[] payloadBytes, String error,
        Instant parkedAt, Instant replayedAt) {

    /** The payload as received; undecodable bytes show as replacement characters. */
    @JsonProperty("payload")
    public String payload() {
        return payloadBytes == null ? null : new String(payloadBytes, StandardCharsets.UTF_8);
    }
}

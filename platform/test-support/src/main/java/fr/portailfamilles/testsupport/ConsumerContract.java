package fr.portailfamilles.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.context.ApplicationContext;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.r2dbc.core.DatabaseClient;

import fr.portailfamilles.events.EventCatalog;
import fr.portailfamilles.events.EventSamples;
import fr.portailfamilles.events.EventType;
import fr.portailfamilles.events.account.FamilyRegistered;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * ADR 0002 from the consumer's side: every consumer function of a service is fed every catalogued event with
 * a field its version does not know, as a newer producer sends it during a rolling deploy. The outcome says,
 * per function, which event types it handled (its inbox recorded them) and which failed (a decode error would
 * park them). Families come first, so the projections later events rely on exist.
 */
public final class ConsumerContract {

    /** Which events each consumer handled, and the failures, as "function: type: reason". */
    public record Outcome(Map<String, Set<String>> handled, List<String> failures) {
    }

    private ConsumerContract() {
    }

    @SuppressWarnings("unchecked")
    public static Outcome feedEveryEventWithAnExtraField(ApplicationContext context) {
        String application = context.getEnvironment().getRequiredProperty("spring.application.name");
        String definition = context.getEnvironment().getRequiredProperty("spring.cloud.function.definition");
        JsonMapper jsonMapper = context.getBean(JsonMapper.class);
        DatabaseClient database = context.getBean(DatabaseClient.class);
        List<EventType> types = new ArrayList<>(EventCatalog.ALL);
        types.sort(Comparator.comparing(type -> type.javaType() != FamilyRegistered.class));

        Map<String, Set<String>> handled = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (String function : definition.split(";")) {
            Consumer<Message<byte[]>> consumer = context.getBean(function.trim(), Consumer.class);
            Set<String> handledTypes = new TreeSet<>();
            for (EventType type : types) {
                String messageId = UUID.randomUUID().toString();
                try {
                    consumer.accept(message(jsonMapper, type, messageId));
                }
                catch (RuntimeException ex) {
                    failures.add(function + ": " + type.name() + ": " + ex);
                    continue;
                }
                if (processed(database, application, messageId)) {
                    handledTypes.add(type.name());
                }
            }
            handled.put(function.trim(), handledTypes);
        }
        return new Outcome(handled, failures);
    }

    private static Message<byte[]> message(JsonMapper jsonMapper, EventType type, String messageId) {
        ObjectNode json = jsonMapper.valueToTree(EventSamples.of(type.javaType()));
        json.put("addedByANewerProducer", "an additive field (ADR 0002)");
        return MessageBuilder.withPayload(jsonMapper.writeValueAsBytes(json))
                .setHeader("ce_id", messageId.getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_type", type.ceType().getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_source", "/portail-familles/contract-test")
                .setHeader("ce_time", Instant.now().toString())
                .setHeader("ce_specversion", "1.0")
                .build();
    }

    private static boolean processed(DatabaseClient database, String consumer, String messageId) {
        return database.sql("SELECT count(*) FROM messaging.processed_message WHERE consumer = :consumer AND message_id = :id")
                .bind("consumer", consumer).bind("id", messageId)
                .map(row -> row.get(0, Long.class)).one().block() == 1;
    }
}

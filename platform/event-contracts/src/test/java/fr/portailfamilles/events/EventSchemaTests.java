package fr.portailfamilles.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import fr.portailfamilles.events.account.AccountRequestReceived;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract every consumer relies on: each catalogued event, serialised the way the services do it,
 * validates against its published JSON Schema, and the schemas really constrain the payload.
 */
class EventSchemaTests {

    private static final String SCHEMA_BASE = "https://portail-familles.fr/";

    /** Format assertions on: {@code uuid}, {@code email} and {@code date-time} are checked, not only annotated. */
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static JsonMapper jsonMapper;

    /** The JsonMapper Spring Boot builds for every service (default settings: ISO-8601 date strings). */
    @BeforeAll
    static void bootJsonMapper() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .run(context -> jsonMapper = context.getBean(JsonMapper.class));
    }

    static Stream<EventType> catalogue() {
        return EventCatalog.ALL.stream();
    }

    static Stream<Arguments> requiredFields() {
        return catalogue().flatMap(type -> {
            List<Arguments> fields = new ArrayList<>();
            schemaDocument(type).get("required").forEach(field -> fields.add(Arguments.of(type, field.asString())));
            return fields.stream();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void sampleSerialisedLikeTheServicesMatchesItsSchema(EventType type) {
        JsonNode payload = serialise(type);

        assertThat(errors(type, payload)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void everySerialisedFieldIsDeclaredInTheSchema(EventType type) {
        Set<String> declared = new HashSet<>(schemaDocument(type).get("properties").propertyNames());

        assertThat(serialise(type).propertyNames()).as("fields %s sends that its schema does not describe", type.ceType())
                .allMatch(declared::contains);
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredFields")
    void payloadMissingARequiredFieldFailsValidation(EventType type, String field) {
        ObjectNode payload = (ObjectNode) serialise(type);
        payload.remove(field);

        assertThat(errors(type, payload)).extracting(Error::getKeyword).contains("required");
    }

    @Test
    void malformedValuesFailValidation() {
        EventType type = EventCatalog.of(AccountRequestReceived.class);
        ObjectNode payload = (ObjectNode) serialise(type);
        payload.put("contactEmail", "not-an-address");
        payload.put("receivedAt", 1_788_000_000_000L);
        payload.put("schoolYear", "2026");

        assertThat(errors(type, payload)).extracting(Error::getInstanceLocation).map(Object::toString)
                .anyMatch(location -> location.contains("contactEmail"))
                .anyMatch(location -> location.contains("receivedAt"))
                .anyMatch(location -> location.contains("schoolYear"));
    }

    @Test
    void everyCeTypeIsUnique() {
        List<String> ceTypes = catalogue().map(EventType::ceType).toList();

        assertThat(ceTypes).doesNotHaveDuplicates();
        assertThat(catalogue().map(EventType::javaType).toList()).doesNotHaveDuplicates();
        catalogue().forEach(type -> assertThat(EventCatalog.byCeType(type.ceType())).contains(type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void schemaIdAndTitleNameTheirType(EventType type) {
        JsonNode schema = schemaDocument(type);

        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString()).isEqualTo(SCHEMA_BASE + type.schemaPath());
        assertThat(schema.path("title").asString()).isEqualTo(type.name() + " v" + type.version());
        assertThat(type.ceType()).isEqualTo(type.domain() + "." + type.javaType().getSimpleName() + ".v" + type.version());
        assertThat(type.topic()).matches("[a-z]+\\.[a-z-]+\\.events");
    }

    @Test
    void everySchemaFileBelongsToACataloguedType() throws IOException {
        Set<String> catalogued = new HashSet<>(catalogue().map(EventType::schemaPath).toList());
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:schemas/**/*.json");

        assertThat(files).isNotEmpty();
        for (Resource file : files) {
            String url = file.getURL().toString();
            String path = url.substring(url.lastIndexOf("schemas/"));
            assertThat(catalogued).as("schema %s has no event in the EventCatalog", path).contains(path);
        }
    }

    private static JsonNode serialise(EventType type) {
        return jsonMapper.readTree(jsonMapper.writeValueAsString(EventSamples.of(type.javaType())));
    }

    private static List<Error> errors(EventType type, JsonNode payload) {
        try (InputStream schema = schemaStream(type)) {
            Schema validator = SCHEMAS.getSchema(schema, InputFormat.JSON);
            return validator.validate(payload.toString(), InputFormat.JSON);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static JsonNode schemaDocument(EventType type) {
        try (InputStream schema = schemaStream(type)) {
            return JsonMapper.shared().readTree(schema);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static InputStream schemaStream(EventType type) {
        InputStream stream = EventSchemaTests.class.getClassLoader().getResourceAsStream(type.schemaPath());
        assertThat(stream).as("schema %s on the class path", type.schemaPath()).isNotNull();
        return stream;
    }
}

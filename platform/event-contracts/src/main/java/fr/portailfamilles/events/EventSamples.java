package fr.portailfamilles.events;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A realistic instance of any event record, built from its components: values follow the formats the
 * schemas assert (uuid, e-mail, uri, dates, enums), so a new event gets a sample without test edits. Kept beside
 * the catalogue for every contract test: the schemas' own and each consumer's (test-support's ConsumerContract).
 */
public final class EventSamples {

    /** String components whose schema is an enum, with a value it accepts. */
    private static final Map<String, String> ENUM_VALUES = Map.of(
            "dossier", "ALSH", "activity", "ALSH", "unit", "JOURNEE_REPAS", "status", "WAITLISTED");

    private EventSamples() {
    }

    public static Object of(Class<?> recordType) {
        RecordComponent[] components = recordType.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getName(), components[i].getType(), components[i].getGenericType());
        }
        try {
            Constructor<?> constructor = recordType.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("Cannot build a sample of " + recordType, ex);
        }
    }

    private static Object value(String name, Class<?> type, Type genericType) {
        if (type == UUID.class) {
            return UUID.nameUUIDFromBytes(name.getBytes());
        }
        if (type == Instant.class) {
            return Instant.parse("2026-08-28T07:45:12.345Z");
        }
        if (type == LocalDate.class) {
            return name.equals("birthDate") ? LocalDate.of(2018, 5, 4) : LocalDate.of(2027, 7, 15);
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == int.class || type == Integer.class) {
            return name.equals("quotientFamilial") ? 640 : 2;
        }
        if (type == String.class) {
            return string(name);
        }
        if (type == List.class) {
            Type element = ((ParameterizedType) genericType).getActualTypeArguments()[0];
            return element == String.class ? List.of("AVIS_IMPOSITION") : List.of(of((Class<?>) element));
        }
        throw new IllegalArgumentException("No sample value for " + type + " " + name);
    }

    private static String string(String name) {
        String lower = name.toLowerCase();
        if (ENUM_VALUES.containsKey(name)) {
            return ENUM_VALUES.get(name);
        }
        if (lower.contains("email")) {
            return "lea.dupont@exemple.fr";
        }
        if (lower.endsWith("link")) {
            return "https://portail.exemple.fr/activation.html?token=Q2hhbmdlTWU";
        }
        if (name.equals("schoolYear")) {
            return "2026-2027";
        }
        if (name.equals("month")) {
            return "2027-07";
        }
        if (name.equals("resultCode")) {
            return "P";
        }
        if (name.equals("postalCode")) {
            return "51100";
        }
        return "Léa Dupont-Martin";
    }
}

package fr.portailfamilles.events;

/** The wire identity of an event class: CloudEvents type, topic and the JSON Schema that checks it. */
public record EventType(String domain, String aggregate, String name, int version, Class<? extends IntegrationEvent> javaType) {

    public static EventType of(Class<? extends IntegrationEvent> javaType) {
        Event event = javaType.getAnnotation(Event.class);
        if (event == null) {
            throw new IllegalArgumentException(javaType + " lacks @Event");
        }
        return new EventType(event.domain(), event.aggregate(), javaType.getSimpleName(), event.version(), javaType);
    }

    /** {@code reservation.ReservationConfirmed.v1}: never a Java class name on the wire. */
    public String ceType() {
        return domain + "." + name + ".v" + version;
    }

    public String topic() {
        return Topics.of(domain, aggregate);
    }

    public String schemaPath() {
        return "schemas/" + domain + "/" + name + ".v" + version + ".json";
    }
}

package fr.portailfamilles.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.portailfamilles.events.account.AccountRequestReceived;

/** Every published event, so consumers can map a {@code ce_type} back to its record and tests can check all. */
public final class EventCatalog {

    public static final List<EventType> ALL = List.of(
            EventType.of(AccountRequestReceived.class));

    private static final Map<String, EventType> BY_CE_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));

    private EventCatalog() {
    }

    public static Optional<EventType> byCeType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    public static EventType of(Class<? extends IntegrationEvent> javaType) {
        return ALL.stream().filter(type -> type.javaType().equals(javaType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(javaType + " is not in the EventCatalog"));
    }
}

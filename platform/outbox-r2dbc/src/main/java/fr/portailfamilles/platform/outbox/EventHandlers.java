package fr.portailfamilles.platform.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import fr.portailfamilles.events.IntegrationEvent;
import reactor.core.publisher.Mono;

/** What a consumer does with each event type it cares about; other types on the topic are skipped. */
public final class EventHandlers {

    private final Map<Class<?>, Function<Object, Mono<?>>> handlers = new LinkedHashMap<>();

    public static EventHandlers create() {
        return new EventHandlers();
    }

    @SuppressWarnings("unchecked")
    public <E extends IntegrationEvent> EventHandlers on(Class<E> type, Function<E, Mono<?>> handler) {
        handlers.put(type, event -> handler.apply((E) event));
        return this;
    }

    boolean handles(Class<?> type) {
        return handlers.containsKey(type);
    }

    Mono<?> handle(Object event) {
        return handlers.get(event.getClass()).apply(event);
    }
}

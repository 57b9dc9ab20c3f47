package fr.portailfamilles.platform.outbox;

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import fr.portailfamilles.platform.web.ProblemException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Hands a parked event back to the consumer function bound to its topic, as the binder would, once the cause
 * is fixed (a new version deployed, the data corrected). The inbox still applies: an event already handled is
 * not handled twice. A replay that fails again leaves the event parked with the new reason.
 */
public class ParkedEventReplay {

    private final ParkedEvents parkedEvents;
    private final BindingServiceProperties bindings;
    private final BeanFactory beans;

    public ParkedEventReplay(ParkedEvents parkedEvents, BindingServiceProperties bindings, BeanFactory beans) {
        this.parkedEvents = parkedEvents;
        this.bindings = bindings;
        this.beans = beans;
    }

    public Mono<ParkedEvent> replay(UUID id) {
        return parkedEvents.find(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Événement en attente")))
                .flatMap(parked -> parked.replayedAt() != null
                        ? Mono.error(ProblemException.conflict("already-replayed", "Cet événement a déjà été rejoué."))
                        : run(parked))
                .then(parkedEvents.find(id));
    }

    private Mono<Void> run(ParkedEvent parked) {
        Consumer<Message<byte[]>> consumer = consumerOf(parked.topic());
        Message<byte[]> message = MessageBuilder.withPayload(parked.payloadBytes() == null ? new byte[0] : parked.payloadBytes())
                .copyHeaders(parked.headers())
                .build();
        // The consumer blocks on its transaction, as on the binder's thread: never on the event loop.
        return Mono.fromRunnable(() -> consumer.accept(message))
                .subscribeOn(Schedulers.boundedElastic())
                .then(parkedEvents.markReplayed(parked.id()))
                .onErrorResume(ex -> parkedEvents.recordError(parked.id(), ex)
                        .then(Mono.error(new ProblemException(HttpStatus.CONFLICT, "replay-failed", "Rejeu impossible",
                                "L'événement échoue encore et reste en attente : " + ParkedEvents.describe(ex)))))
                .then();
    }

    @SuppressWarnings("unchecked")
    private Consumer<Message<byte[]>> consumerOf(String topic) {
        for (Map.Entry<String, BindingProperties> binding : bindings.getBindings().entrySet()) {
            String name = binding.getKey();
            if (topic.equals(binding.getValue().getDestination()) && name.contains("-in-")) {
                return beans.getBean(name.substring(0, name.lastIndexOf("-in-")), Consumer.class);
            }
        }
        throw new ProblemException(HttpStatus.CONFLICT, "no-consumer", "Rejeu impossible",
                "Ce service ne consomme plus le sujet " + topic + ".");
    }
}

package fr.portailfamilles.reservation.booking.application;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import fr.portailfamilles.platform.outbox.BackgroundLoop;
import reactor.core.publisher.Mono;

/**
 * Releases expired waiting-list offers for the life of the application, on every instance: each offer is
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so instances share the work and never release one twice.
 * A full batch goes on at once; otherwise the loop pauses {@code interval}.
 */
@Component
@ConditionalOnProperty(name = "portail.reservation.offer-expiry.enabled", havingValue = "true", matchIfMissing = true)
public class OfferExpiryLoop extends BackgroundLoop {

    private final WaitlistOffers offers;
    private final OfferExpiryProperties properties;

    public OfferExpiryLoop(WaitlistOffers offers, OfferExpiryProperties properties) {
        super("offer-expiry");
        this.offers = offers;
        this.properties = properties;
    }

    @Override
    protected Mono<Duration> pass() {
        return offers.expireDue(properties.batchSize())
                .map(expired -> expired >= properties.batchSize() ? Duration.ZERO : properties.interval());
    }

    @Override
    protected Duration pauseAfterError() {
        return properties.interval();
    }
}

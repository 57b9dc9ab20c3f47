package fr.portailfamilles.reservation.booking.application;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import fr.portailfamilles.reservation.offer.domain.Activity;
import fr.portailfamilles.reservation.offer.domain.AgeGroup;
import fr.portailfamilles.reservation.offer.domain.OfferRepository;
import fr.portailfamilles.reservation.offer.domain.Period;
import reactor.core.publisher.Mono;

/**
 * The period, activity and age groups a booking checks its rules against, read at most once a second each (HOL-1,
 * issue 10: at an opening every booking of a period read the same three rows, three round trips out of ~15). A
 * second is how late a booking may see staff's change of a period's dates or window; places are never cached
 * (the capacity ledger decides them in the transaction). Nothing found and errors are not kept.
 */
@Component
public class OfferSnapshots {

    /** How long one read serves; short enough that staff's edits apply "at once" for a person. */
    static final Duration TTL = Duration.ofSeconds(1);
    /** Bounds the maps: far more periods and activities than a community has open at once. */
    private static final int MAX_ENTRIES = 1000;

    private final OfferRepository offer;
    private final Map<UUID, Mono<Period>> periods = new ConcurrentHashMap<>();
    private final Map<UUID, Mono<Activity>> activities = new ConcurrentHashMap<>();
    private final Map<UUID, Mono<List<AgeGroup>>> ageGroups = new ConcurrentHashMap<>();

    public OfferSnapshots(OfferRepository offer) {
        this.offer = offer;
    }

    public Mono<Period> period(UUID id) {
        return cached(periods, id, offer::period);
    }

    public Mono<Activity> activity(UUID id) {
        return cached(activities, id, offer::activity);
    }

    public Mono<List<AgeGroup>> ageGroups(UUID activityId) {
        return cached(ageGroups, activityId, key -> offer.ageGroups(key).collectList());
    }

    private static <T> Mono<T> cached(Map<UUID, Mono<T>> cache, UUID id, Function<UUID, Mono<T>> load) {
        if (cache.size() > MAX_ENTRIES) {
            cache.clear();
        }
        // Past its TTL, cache() reloads on the next subscription by itself: the map keeps one Mono per id.
        return cache.computeIfAbsent(id, key -> load.apply(key).cache(found -> TTL, error -> Duration.ZERO, () -> Duration.ZERO));
    }
}

package fr.portailfamilles.reservation.waitingroom.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.platform.web.CurrentUser;
import fr.portailfamilles.platform.web.ProblemException;
import fr.portailfamilles.platform.web.admission.AdmissionPasses;
import fr.portailfamilles.reservation.waitingroom.domain.Standing;
import fr.portailfamilles.reservation.waitingroom.domain.WaitingRoomStore;
import reactor.core.publisher.Mono;

/**
 * A period's waiting room from the family's side: join (one place per family), read where it stands, get the
 * admission pass once admitted; and the booking's check that a period whose room is on is booked with a pass.
 */
@Service
public class WaitingRooms {

    /** The early arrivals' order: drawn from a CSPRNG when they join, so neither arriving first nor a script helps. */
    private final SecureRandom random = new SecureRandom();

    private final WaitingRoomStore store;
    private final AdmissionPasses passes;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final WaitingRoomProperties properties;

    public WaitingRooms(WaitingRoomStore store, AdmissionPasses passes, TransactionalOperator transactions, Clock clock,
            WaitingRoomProperties properties) {
        this.store = store;
        this.passes = passes;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
    }

    /** What the family sees: its standing, and the pass when admitted. */
    public record View(Standing.Status status, Instant opensAt, Integer position, Integer ahead, Long estimatedWaitSeconds, String pass,
            Instant passExpiresAt) {
    }

    /** Joins the period's room (a second join returns the same place); no place is taken when there is no room to pass. */
    public Mono<View> join(CurrentUser user, UUID periodId) {
        UUID familyId = requireFamily(user);
        return snapshot(periodId, familyId).flatMap(room -> {
            Instant now = clock.instant();
            if (room.joined() || !room.open(now)) {
                return Mono.just(view(user, periodId, room, now));
            }
            boolean early = now.isBefore(room.opensAt());
            long key = random.nextLong() & Long.MAX_VALUE;
            return transactions.transactional(store.join(periodId, familyId, user.userId(), now, early, key))
                    .then(snapshot(periodId, familyId)).map(joined -> view(user, periodId, joined, clock.instant()));
        });
    }

    /** Where the family stands; 404 when the room is on and the family has not joined it. */
    public Mono<View> read(CurrentUser user, UUID periodId) {
        UUID familyId = requireFamily(user);
        return snapshot(periodId, familyId).flatMap(room -> {
            Instant now = clock.instant();
            if (room.open(now) && !room.joined()) {
                return Mono.error(ProblemException.notFound("Place dans la salle d'attente"));
            }
            return Mono.just(view(user, periodId, room, now));
        });
    }

    /**
     * A parent's booking on {@code periodId}: a pass sent is verified (signature, expiry, family); while the period's
     * room admits, a pass for that period is required.
     */
    public Mono<Void> checkBooking(UUID familyId, UUID periodId, String pass) {
        AdmissionPasses.Pass verified = pass == null || pass.isBlank() ? null : passes.verify(pass, familyId);
        return store.snapshot(periodId, familyId).flatMap(room -> {
            if (!room.passRequired(clock.instant())) {
                return Mono.<Void>empty();
            }
            if (verified == null) {
                return Mono.error(AdmissionPasses.refused("admission-pass-required", "Les réservations de cette période passent par "
                        + "la salle d'attente : rejoignez-la, vous réserverez dès que votre tour viendra."));
            }
            if (!verified.periodId().equals(periodId)) {
                return Mono.error(AdmissionPasses.refused("admission-pass-other-period",
                        "Ce laissez-passer de la salle d'attente vaut pour une autre période."));
            }
            return Mono.<Void>empty();
        });
    }

    private Mono<Standing.Snapshot> snapshot(UUID periodId, UUID familyId) {
        return store.snapshot(periodId, familyId).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Période")));
    }

    private View view(CurrentUser user, UUID periodId, Standing.Snapshot room, Instant now) {
        Standing standing = Standing.of(room, now);
        if (standing.status() != Standing.Status.ADMITTED) {
            return new View(standing.status(), standing.opensAt(), standing.position(), standing.ahead(), standing.estimatedWaitSeconds(),
                    null, null);
        }
        Instant expiresAt = now.plus(properties.passValidity());
        String pass = passes.issue(new AdmissionPasses.Pass(user.familyId(), user.userId(), periodId, expiresAt));
        return new View(standing.status(), standing.opensAt(), standing.position(), standing.ahead(), standing.estimatedWaitSeconds(),
                pass, expiresAt);
    }

    private static UUID requireFamily(CurrentUser user) {
        if (user.familyId() == null) {
            throw new ProblemException(org.springframework.http.HttpStatus.FORBIDDEN, "no-family", "Accès refusé",
                    "Ce compte n'est rattaché à aucune famille.");
        }
        return user.familyId();
    }
}

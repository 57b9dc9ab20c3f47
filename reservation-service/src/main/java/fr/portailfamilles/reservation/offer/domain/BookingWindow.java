package fr.portailfamilles.reservation.offer.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * When a period can be booked: from {@code opensAt} (residents of the community only until
 * {@code everyoneOpensAt}, when set) to {@code closesAt}.
 */
public record BookingWindow(Instant opensAt, Instant everyoneOpensAt, Instant closesAt) {

    /** Why the window cannot be, or empty when it can: it opens before it closes, opening to everyone in between. */
    public Optional<String> refusal() {
        if (!closesAt.isAfter(opensAt)
                || (everyoneOpensAt != null && (everyoneOpensAt.isBefore(opensAt) || everyoneOpensAt.isAfter(closesAt)))) {
            return Optional.of("Les inscriptions doivent ouvrir avant de fermer, l'ouverture à tous se situant entre les deux.");
        }
        return Optional.empty();
    }
}

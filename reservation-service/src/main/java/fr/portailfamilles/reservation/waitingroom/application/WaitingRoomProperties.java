package fr.portailfamilles.reservation.waitingroom.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How waiting rooms run.
 *
 * @param loopEnabled  whether this instance takes part in the admission loop (only the advisory lock holder moves a watermark)
 * @param tick         pause between the loop's passes: a family is admitted at most this long after its turn came
 * @param maxCatchUp   the longest stretch one pass admits for: after the whole cluster was down the room does not
 *                     release the missed minutes in one burst
 * @param closeAfter   the room closes once everyone waiting was admitted and this long has passed since the opening;
 *                     booking is then back to normal
 * @param passValidity how long an admission pass is valid (asked again while the room is open, a new one is given)
 */
@Validated
@ConfigurationProperties("portail.waiting-room")
public record WaitingRoomProperties(
        @DefaultValue("true") boolean loopEnabled,
        @DefaultValue("1s") Duration tick,
        @DefaultValue("10s") Duration maxCatchUp,
        @DefaultValue("10m") Duration closeAfter,
        @DefaultValue("12m") Duration passValidity) {
}

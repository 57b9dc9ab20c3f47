package fr.portailfamilles.billing.invoice.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.portailfamilles.events.account.FamilyRegistered;
import fr.portailfamilles.events.account.FamilyUpdated;
import fr.portailfamilles.events.reservation.ReservationCancelled;
import fr.portailfamilles.events.reservation.ReservationConfirmed;
import fr.portailfamilles.events.reservation.WaitlistPromoted;
import reactor.core.publisher.Mono;

/**
 * What billing keeps from other services: the family (name, address, quotient familial, newest state
 * wins) and one billable line per booked place (reservation id as key, so a place is billed at most once).
 * A free cancellation makes the line not billable; a late, billable one keeps it billed. A line already
 * invoiced is never changed by a later event.
 */
@Service
public class BillingProjections {

    private static final Logger log = LoggerFactory.getLogger(BillingProjections.class);

    private final DatabaseClient database;

    public BillingProjections(DatabaseClient database) {
        this.database = database;
    }

    @Transactional
    public Mono<Void> registered(FamilyRegistered event) {
        return family(event.familyId(), event.familyName(), event.address(), event.postalCode(), event.town(),
                event.quotientFamilial(), event.occurredAt());
    }

    @Transactional
    public Mono<Void> updated(FamilyUpdated event) {
        return family(event.familyId(), event.familyName(), event.address(), event.postalCode(), event.town(),
                event.quotientFamilial(), event.occurredAt());
    }

    @Transactional
    public Mono<Void> confirmed(ReservationConfirmed event) {
        return booked(event.reservationId(), event.familyId(), event.childId(), event.childFirstName(), event.structureId(),
                event.structureName(), event.date(), event.unit(), event.meal(), event.confirmedAt());
    }

    @Transactional
    public Mono<Void> promoted(WaitlistPromoted event) {
        return booked(event.reservationId(), event.familyId(), event.childId(), event.childFirstName(), event.structureId(),
                event.structureName(), event.date(), event.unit(), event.meal(), event.promotedAt());
    }

    /** Free: the line is no longer billed. Late and billable: it stays billed, marked as a late cancellation. */
    @Transactional
    public Mono<Void> cancelled(ReservationCancelled event) {
        return database.sql("""
                        INSERT INTO billable_line (reservation_id, family_id, child_id, child_first_name, structure_id, structure_name,
                            date, unit, meal, billable, late_cancelled, received_at)
                        VALUES (:reservationId, :familyId, :childId, :childFirstName, :structureId, :structureName,
                            :date, :unit, :meal, :billable, :lateCancelled, :at)
                        ON CONFLICT (reservation_id) DO UPDATE
                        SET billable = excluded.billable, late_cancelled = excluded.late_cancelled
                        WHERE billable_line.invoice_id IS NULL""")
                .bind("reservationId", event.reservationId())
                .bind("familyId", event.familyId())
                .bind("childId", event.childId())
                .bind("childFirstName", event.childFirstName())
                .bind("structureId", event.structureId())
                .bind("structureName", event.structureName())
                .bind("date", event.date())
                .bind("unit", event.unit())
                .bind("meal", event.meal())
                .bind("billable", event.billable())
                .bind("lateCancelled", event.billable())
                .bind("at", event.cancelledAt())
                .fetch().rowsUpdated()
                .doOnNext(changed -> {
                    if (changed == 0) {
                        log.warn("Reservation {} cancelled after it was invoiced: the invoice stays as issued", event.reservationId());
                    }
                })
                .then();
    }

    private Mono<Void> booked(UUID reservationId, UUID familyId, UUID childId, String childFirstName, UUID structureId,
            String structureName, LocalDate date, String unit, boolean meal, Instant at) {
        // A line already there (even cancelled: an older event redelivered late) is left as it is.
        return database.sql("""
                        INSERT INTO billable_line (reservation_id, family_id, child_id, child_first_name, structure_id, structure_name,
                            date, unit, meal, billable, received_at)
                        VALUES (:reservationId, :familyId, :childId, :childFirstName, :structureId, :structureName,
                            :date, :unit, :meal, true, :at)
                        ON CONFLICT (reservation_id) DO NOTHING""")
                .bind("reservationId", reservationId)
                .bind("familyId", familyId)
                .bind("childId", childId)
                .bind("childFirstName", childFirstName)
                .bind("structureId", structureId)
                .bind("structureName", structureName)
                .bind("date", date)
                .bind("unit", unit)
                .bind("meal", meal)
                .bind("at", at)
                .then();
    }

    private Mono<Void> family(UUID familyId, String familyName, String address, String postalCode, String town, Integer quotient,
            Instant occurredAt) {
        return database.sql("""
                        INSERT INTO family (id, family_name, address, postal_code, town, quotient_familial, updated_at)
                        VALUES (:id, :name, :address, :postalCode, :town, :quotient, :at)
                        ON CONFLICT (id) DO UPDATE
                        SET family_name = excluded.family_name, address = excluded.address, postal_code = excluded.postal_code,
                            town = excluded.town, quotient_familial = excluded.quotient_familial, updated_at = excluded.updated_at
                        WHERE family.updated_at <= excluded.updated_at""")
                .bind("id", familyId)
                .bind("name", familyName)
                .bind("address", Parameter.fromOrEmpty(address, String.class))
                .bind("postalCode", Parameter.fromOrEmpty(postalCode, String.class))
                .bind("town", Parameter.fromOrEmpty(town, String.class))
                .bind("quotient", Parameter.fromOrEmpty(quotient, Integer.class))
                .bind("at", occurredAt)
                .then();
    }
}

package fr.portailfamilles.reservation.booking.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import fr.portailfamilles.reservation.family.domain.FamilyDirectory;
import reactor.core.publisher.Mono;

/**
 * What a booking reads before it writes, in as few round trips as the rules allow (HOL-1, issue 10): the family with
 * what it owes in one statement, and per line the child, its dossier and whether it already holds the day in another.
 * The same tables and the same meaning as {@link FamilyDirectory} and {@link ReservationStore#liveExists}, read
 * together: each separate read was a round trip and a pool checkout on the booking's critical path.
 */
@Repository
public class BookingReads {

    private static final UUID WHOLE_FAMILY = new UUID(0, 0);

    private final DatabaseClient database;

    public BookingReads(DatabaseClient database) {
        this.database = database;
    }

    /** The family (empty fields when not projected yet) and its unpaid cents (0 when billing-service said nothing). */
    public record FamilyFacts(FamilyDirectory.Family family, int unpaidCents) {
    }

    /** One line's facts: the child (null when it is not this family's), its dossier, an existing live reservation. */
    public record LineFacts(FamilyDirectory.Child child, boolean dossierComplete, boolean alreadyBooked) {
    }

    public Mono<FamilyFacts> family(UUID familyId) {
        return database.sql("""
                        SELECT f.id, f.family_name, f.resident, f.account_active, f.quotient_familial,
                               coalesce((SELECT unpaid_cents FROM family_balance WHERE family_id = :familyId), 0) AS unpaid_cents
                        FROM (SELECT 1) one LEFT JOIN family f ON f.id = :familyId""")
                .bind("familyId", familyId)
                .map(row -> {
                    UUID id = row.get("id", UUID.class);
                    FamilyDirectory.Family family = id == null ? new FamilyDirectory.Family(familyId, "", false, false, null)
                            : new FamilyDirectory.Family(id, row.get("family_name", String.class), row.get("resident", Boolean.class),
                                    row.get("account_active", Boolean.class), row.get("quotient_familial", Integer.class));
                    return new FamilyFacts(family, row.get("unpaid_cents", Integer.class));
                })
                .one();
    }

    public Mono<LineFacts> line(UUID familyId, UUID childId, UUID periodId, LocalDate date, String dossier) {
        return database.sql("""
                        SELECT c.id, c.family_id, c.first_name, c.birth_date,
                               coalesce((SELECT d.complete FROM dossier_status d
                                         WHERE d.family_id = :familyId AND d.dossier = :dossier AND d.child_id IN (:childId, :wholeFamily)
                                         ORDER BY (d.child_id = :childId) DESC LIMIT 1), false) AS complete,
                               EXISTS (SELECT 1 FROM reservation r WHERE r.child_id = :childId AND r.period_id = :periodId AND r.date = :date
                                       AND r.status <> 'CANCELLED') AS live
                        FROM (SELECT 1) one LEFT JOIN child c ON c.id = :childId AND c.family_id = :familyId""")
                .bind("familyId", familyId).bind("childId", childId).bind("dossier", dossier).bind("wholeFamily", WHOLE_FAMILY)
                .bind("periodId", periodId).bind("date", date)
                .map(row -> {
                    UUID id = row.get("id", UUID.class);
                    return new LineFacts(id == null ? null : new FamilyDirectory.Child(id, row.get("family_id", UUID.class),
                            row.get("first_name", String.class), row.get("birth_date", LocalDate.class)),
                            row.get("complete", Boolean.class), row.get("live", Boolean.class));
                })
                .one();
    }
}

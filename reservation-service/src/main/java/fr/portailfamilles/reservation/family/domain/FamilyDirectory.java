package fr.portailfamilles.reservation.family.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads the local projections of families, children, dossiers and unpaid totals: all that eligibility looks at. */
@Repository
public class FamilyDirectory {

    private final DatabaseClient database;

    public FamilyDirectory(DatabaseClient database) {
        this.database = database;
    }

    public record Family(UUID id, String name, boolean resident, boolean accountActive, Integer quotientFamilial) {
    }

    public record Child(UUID id, UUID familyId, String firstName, LocalDate birthDate) {
    }

    public Mono<Family> family(UUID id) {
        return database.sql("SELECT * FROM family WHERE id = :id").bind("id", id)
                .map(row -> new Family(row.get("id", UUID.class), row.get("family_name", String.class), row.get("resident", Boolean.class),
                        row.get("account_active", Boolean.class), row.get("quotient_familial", Integer.class)))
                .one();
    }

    /** A child of this family only: another family's child is simply not found. */
    public Mono<Child> child(UUID familyId, UUID childId) {
        return database.sql("SELECT * FROM child WHERE id = :id AND family_id = :familyId").bind("id", childId).bind("familyId", familyId)
                .map(row -> new Child(row.get("id", UUID.class), row.get("family_id", UUID.class), row.get("first_name", String.class),
                        row.get("birth_date", LocalDate.class)))
                .one();
    }

    public Flux<Child> children(UUID familyId) {
        return database.sql("SELECT * FROM child WHERE family_id = :familyId ORDER BY birth_date").bind("familyId", familyId)
                .map(row -> new Child(row.get("id", UUID.class), row.get("family_id", UUID.class), row.get("first_name", String.class),
                        row.get("birth_date", LocalDate.class)))
                .all();
    }

    /**
     * Whether the dossier is complete for this child: the child's own status when document-service sent one,
     * else the family-level status; unknown means incomplete.
     */
    public Mono<Boolean> dossierComplete(UUID familyId, UUID childId, String dossier) {
        return database.sql("""
                        SELECT complete FROM dossier_status
                        WHERE family_id = :familyId AND dossier = :dossier AND child_id IN (:childId, :wholeFamily)
                        ORDER BY (child_id = :childId) DESC LIMIT 1""")
                .bind("familyId", familyId).bind("dossier", dossier).bind("childId", childId).bind("wholeFamily", new UUID(0, 0))
                .map(row -> row.get("complete", Boolean.class)).one()
                .defaultIfEmpty(false);
    }

    /** What the family still owes in euro cents, as billing-service last said; nothing known = nothing owed. */
    public Mono<Integer> unpaidCents(UUID familyId) {
        return database.sql("SELECT unpaid_cents FROM family_balance WHERE family_id = :familyId").bind("familyId", familyId)
                .map(row -> row.get("unpaid_cents", Integer.class)).one()
                .defaultIfEmpty(0);
    }
}

package fr.portailfamilles.reservation.family.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.portailfamilles.events.account.ChildProfile;
import fr.portailfamilles.events.billing.InvoiceIssued;
import fr.portailfamilles.events.billing.PaymentReceived;
import fr.portailfamilles.events.account.FamilyRegistered;
import fr.portailfamilles.events.account.FamilyUpdated;
import fr.portailfamilles.events.document.DossierCompletenessChanged;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the local copy of what eligibility needs from account-service (family, residency, account
 * status, children and birth dates), document-service (dossier completeness) and billing-service (what the
 * family still owes). Each event carries the whole new state, so applying it replaces what was there; an
 * older event never overwrites a newer one.
 */
@Service
public class FamilyProjections {

    /** The family-level dossier (no particular child). */
    public static final UUID WHOLE_FAMILY = new UUID(0, 0);


    private final DatabaseClient database;

    public FamilyProjections(DatabaseClient database) {
        this.database = database;
    }

    @Transactional
    public Mono<Void> registered(FamilyRegistered event) {
        return apply(event.familyId(), event.familyName(), event.resident(), event.accountActive(), event.quotientFamilial(),
                event.children(), event.occurredAt());
    }

    @Transactional
    public Mono<Void> updated(FamilyUpdated event) {
        return apply(event.familyId(), event.familyName(), event.resident(), event.accountActive(), event.quotientFamilial(),
                event.children(), event.occurredAt());
    }

    @Transactional
    public Mono<Void> dossierChanged(DossierCompletenessChanged event) {
        return database.sql("""
                        INSERT INTO dossier_status (family_id, child_id, dossier, complete, changed_at)
                        VALUES (:familyId, :childId, :dossier, :complete, :changedAt)
                        ON CONFLICT (family_id, child_id, dossier) DO UPDATE
                        SET complete = excluded.complete, changed_at = excluded.changed_at
                        WHERE dossier_status.changed_at <= excluded.changed_at""")
                .bind("familyId", event.familyId())
                .bind("childId", event.childId() == null ? WHOLE_FAMILY : event.childId())
                .bind("dossier", event.dossier())
                .bind("complete", event.complete())
                .bind("changedAt", event.changedAt())
                .then();
    }

    @Transactional
    public Mono<Void> invoiceIssued(InvoiceIssued event) {
        return unpaid(event.familyId(), event.familyUnpaidCents(), event.issuedAt());
    }

    @Transactional
    public Mono<Void> paymentReceived(PaymentReceived event) {
        return unpaid(event.familyId(), event.familyUnpaidCents(), event.paidAt());
    }

    /** The family's total of unpaid invoices as billing computed it at {@code asOf}; a later total wins, whatever the arrival order. */
    private Mono<Void> unpaid(UUID familyId, int unpaidCents, Instant asOf) {
        return database.sql("""
                        INSERT INTO family_balance (family_id, unpaid_cents, as_of) VALUES (:familyId, :unpaid, :asOf)
                        ON CONFLICT (family_id) DO UPDATE SET unpaid_cents = excluded.unpaid_cents, as_of = excluded.as_of
                        WHERE family_balance.as_of <= excluded.as_of""")
                .bind("familyId", familyId)
                .bind("unpaid", Math.max(unpaidCents, 0))
                .bind("asOf", asOf)
                .then();
    }

    private Mono<Void> apply(UUID familyId, String familyName, boolean resident, boolean accountActive, Integer quotient,
            List<ChildProfile> children, Instant occurredAt) {
        DatabaseClient.GenericExecuteSpec upsert = database.sql("""
                        INSERT INTO family (id, family_name, resident, account_active, quotient_familial, updated_at)
                        VALUES (:id, :name, :resident, :active, :quotient, :at)
                        ON CONFLICT (id) DO UPDATE
                        SET family_name = excluded.family_name, resident = excluded.resident,
                            account_active = excluded.account_active, quotient_familial = excluded.quotient_familial,
                            updated_at = excluded.updated_at
                        WHERE family.updated_at <= excluded.updated_at""")
                .bind("id", familyId)
                .bind("name", familyName)
                .bind("resident", resident)
                .bind("active", accountActive)
                .bind("at", occurredAt);
        Mono<Long> family = (quotient == null ? upsert.bindNull("quotient", Integer.class) : upsert.bind("quotient", quotient))
                .fetch().rowsUpdated();
        List<ChildProfile> known = children == null ? List.of() : children;
        return family.flatMap(changed -> changed == 0 ? Mono.empty() : Flux.fromIterable(known)
                .concatMap(child -> database.sql("""
                                INSERT INTO child (id, family_id, first_name, birth_date) VALUES (:id, :familyId, :firstName, :birthDate)
                                ON CONFLICT (id) DO UPDATE SET family_id = excluded.family_id, first_name = excluded.first_name,
                                    birth_date = excluded.birth_date""")
                        .bind("id", child.childId())
                        .bind("familyId", familyId)
                        .bind("firstName", child.firstName())
                        .bind("birthDate", child.birthDate())
                        .then())
                .then(database.sql("DELETE FROM child WHERE family_id = :familyId AND NOT (id = ANY(:ids))")
                        .bind("familyId", familyId)
                        .bind("ids", known.stream().map(ChildProfile::childId).toArray(UUID[]::new))
                        .then())
                .then());
    }
}

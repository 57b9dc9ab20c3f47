package fr.portailfamilles.billing.invoice.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Invoices and their lines, read always within one family for parents. */
@Repository
public class InvoiceStore {

    private final DatabaseClient database;

    public InvoiceStore(DatabaseClient database) {
        this.database = database;
    }

    /** The family's invoices, newest first. */
    public Flux<Invoice> ofFamily(UUID familyId) {
        return database.sql("SELECT * FROM invoice WHERE family_id = :familyId ORDER BY issued_at DESC, number DESC")
                .bind("familyId", familyId)
                .map(InvoiceStore::invoice).all();
    }

    /** Empty when the invoice does not exist or belongs to another family. */
    public Mono<Invoice> find(UUID familyId, UUID invoiceId) {
        return database.sql("SELECT * FROM invoice WHERE id = :id AND family_id = :familyId")
                .bind("id", invoiceId).bind("familyId", familyId)
                .map(InvoiceStore::invoice).one();
    }

    public Mono<Invoice> find(UUID invoiceId) {
        return database.sql("SELECT * FROM invoice WHERE id = :id")
                .bind("id", invoiceId)
                .map(InvoiceStore::invoice).one();
    }

    /** Staff's filters; null means any. {@code family} is a family id or part of the family's name. */
    public record Filter(String month, InvoiceStatus status, UUID familyId, String familyName) {
    }

    /** Count and amounts of every invoice the filter matches (euro cents). */
    public record Totals(long count, long totalCents, long paidCents, long unpaidCents) {
    }

    private static final String WHERE = " " + """
             WHERE (CAST(:month AS text) IS NULL OR month = :month)
               AND (CAST(:status AS text) IS NULL OR status = :status)
               AND (CAST(:familyId AS uuid) IS NULL OR family_id = :familyId)
               AND (CAST(:familyName AS text) IS NULL OR family_name ILIKE '%' || :familyName || '%')""";

    /** Staff's list: newest first, at most {@code limit}. */
    public Flux<Invoice> search(Filter filter, int limit) {
        return bind(database.sql("SELECT * FROM invoice" + WHERE + " ORDER BY issued_at DESC, number DESC LIMIT :limit"), filter)
                .bind("limit", limit)
                .map(InvoiceStore::invoice).all();
    }

    public Mono<Totals> totals(Filter filter) {
        return bind(database.sql("""
                        SELECT count(*) AS n, coalesce(sum(total_cents), 0) AS total,
                            coalesce(sum(total_cents) FILTER (WHERE status = 'PAID'), 0) AS paid,
                            coalesce(sum(total_cents) FILTER (WHERE status = 'ISSUED'), 0) AS unpaid
                        FROM invoice""" + WHERE), filter)
                .map(row -> new Totals(((Number) row.get("n")).longValue(), ((Number) row.get("total")).longValue(),
                        ((Number) row.get("paid")).longValue(), ((Number) row.get("unpaid")).longValue()))
                .one();
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Filter filter) {
        return spec.bind("month", Parameter.fromOrEmpty(filter.month(), String.class))
                .bind("status", Parameter.fromOrEmpty(filter.status() == null ? null : filter.status().name(), String.class))
                .bind("familyId", Parameter.fromOrEmpty(filter.familyId(), UUID.class))
                .bind("familyName", Parameter.fromOrEmpty(filter.familyName() == null ? null
                        : filter.familyName().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"), String.class));
    }

    public Flux<InvoiceLine> lines(UUID invoiceId) {
        return database.sql("""
                        SELECT * FROM billable_line WHERE invoice_id = :invoiceId
                        ORDER BY date, child_first_name, child_id, array_position(ARRAY['JOURNEE_REPAS', 'JOURNEE', 'MATIN_REPAS',
                            'MATIN', 'APRES_MIDI_REPAS', 'APRES_MIDI'], unit)""")
                .bind("invoiceId", invoiceId)
                .map(row -> new InvoiceLine(row.get("reservation_id", UUID.class), row.get("child_id", UUID.class),
                        row.get("child_first_name", String.class), row.get("date", LocalDate.class), row.get("unit", String.class),
                        row.get("meal", Boolean.class), row.get("late_cancelled", Boolean.class),
                        row.get("unit_price_cents", Integer.class), row.get("meal_price_cents", Integer.class),
                        row.get("amount_cents", Integer.class)))
                .all();
    }

    /** What the family still owes: every issued, unpaid invoice (euro cents). Read in the caller's transaction. */
    public Mono<Integer> unpaidCents(UUID familyId) {
        return database.sql("SELECT coalesce(sum(total_cents), 0)::integer AS unpaid FROM invoice WHERE family_id = :familyId AND status = 'ISSUED'")
                .bind("familyId", familyId)
                .map(row -> row.get("unpaid", Integer.class)).one();
    }

    /** Pays an issued invoice; false when it was already paid (decided by PostgreSQL, so two payments never both win). */
    public Mono<Boolean> markPaid(UUID invoiceId, Instant at) {
        return database.sql("UPDATE invoice SET status = 'PAID', paid_at = :at WHERE id = :id AND status = 'ISSUED'")
                .bind("id", invoiceId).bind("at", at)
                .fetch().rowsUpdated().map(updated -> updated == 1);
    }

    private static Invoice invoice(Readable row) {
        return new Invoice(row.get("id", UUID.class), row.get("number", String.class), row.get("family_id", UUID.class),
                row.get("family_name", String.class), row.get("family_address", String.class), row.get("quotient_familial", Integer.class),
                row.get("structure_id", UUID.class), row.get("structure_name", String.class), row.get("month", String.class),
                row.get("total_cents", Integer.class), InvoiceStatus.valueOf(row.get("status", String.class)),
                row.get("issued_at", Instant.class), row.get("due_date", LocalDate.class), row.get("paid_at", Instant.class));
    }
}

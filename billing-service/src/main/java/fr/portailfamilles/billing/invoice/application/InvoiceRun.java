package fr.portailfamilles.billing.invoice.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.billing.invoice.domain.Invoice;
import fr.portailfamilles.billing.invoice.domain.InvoiceNumber;
import fr.portailfamilles.billing.invoice.domain.InvoiceStore;
import fr.portailfamilles.billing.tariff.application.Tariffs;
import fr.portailfamilles.billing.tariff.domain.PriceGrid;
import fr.portailfamilles.events.billing.InvoiceIssued;
import fr.portailfamilles.platform.outbox.Outbox;
import fr.portailfamilles.platform.web.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The monthly invoice run: one invoice per family and structure for the month's billable lines not yet
 * invoiced. Each invoice is issued in its own transaction, which locks its lines ({@code FOR UPDATE}, so
 * a concurrent run of the same month finds them taken), prices them from the tariffs, takes the next
 * number from the structure's counter row for the year (gap-free: a rollback gives the number back),
 * inserts the invoice and records InvoiceIssued in the outbox. Running a month again invoices only
 * lines that arrived since.
 */
@Service
public class InvoiceRun {

    private static final Logger log = LoggerFactory.getLogger(InvoiceRun.class);

    private final DatabaseClient database;
    private final Tariffs tariffs;
    private final InvoiceStore invoices;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final Clock clock;

    public InvoiceRun(DatabaseClient database, Tariffs tariffs, InvoiceStore invoices, Outbox outbox, TransactionalOperator transactions,
            Clock clock) {
        this.database = database;
        this.tariffs = tariffs;
        this.invoices = invoices;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public record Issued(UUID id, String number, UUID familyId, UUID structureId, String month, int totalCents) {
    }

    /** A family's lines at a structure the run could not invoice (no tariff for a day): staff complete the grid and run again. */
    public record NotInvoiced(UUID familyId, String familyName, UUID structureId, String reason) {
    }

    /**
     * What the run did and what it could not see: {@code notBillable} free cancellations of the month left
     * out on purpose, {@code receivedUntil} the last booking billing had received when it ran (a booking made
     * after it reaches billing a few seconds later and waits for the next run of the month), and
     * {@code monthNotOver} when days of the month are still to come (they are invoiced by a later run).
     */
    public record Result(String month, List<Issued> invoices, List<NotInvoiced> notInvoiced, long notBillable, Instant receivedUntil,
            boolean monthNotOver) {
    }

    public static YearMonth month(String month) {
        try {
            if (month != null && month.matches("[0-9]{4}-[0-9]{2}")) {
                return YearMonth.parse(month);
            }
        }
        catch (DateTimeParseException ignored) {
            // answered below
        }
        throw ProblemException.invalid("month-invalid", "Le mois à facturer s'écrit AAAA-MM, par exemple 2027-07.");
    }

    public Mono<Result> run(YearMonth month) {
        LocalDate from = month.atDay(1);
        LocalDate until = month.plusMonths(1).atDay(1);
        Map<UUID, Mono<PriceGrid>> grids = new ConcurrentHashMap<>();
        List<Issued> issued = new ArrayList<>();
        List<NotInvoiced> notInvoiced = new ArrayList<>();
        return database.sql("""
                        SELECT DISTINCT structure_id, family_id FROM billable_line
                        WHERE invoice_id IS NULL AND billable AND date >= :from AND date < :until
                        ORDER BY structure_id, family_id""")
                .bind("from", from).bind("until", until)
                .map(row -> new Group(row.get("family_id", UUID.class), row.get("structure_id", UUID.class)))
                .all()
                .concatMap(group -> grids.computeIfAbsent(group.structureId(), id -> tariffs.grid(id).cache())
                        .flatMap(grid -> transactions.transactional(issue(group, month, from, until, grid)))
                        .doOnNext(issued::add)
                        .onErrorResume(Unpriced.class, unpriced -> {
                            notInvoiced.add(new NotInvoiced(group.familyId(), unpriced.familyName, group.structureId(), unpriced.getMessage()));
                            return Mono.empty();
                        }))
                .then(database.sql("""
                                SELECT count(*) FILTER (WHERE NOT billable AND date >= :from AND date < :until) AS not_billable,
                                    max(received_at) AS received_until
                                FROM billable_line""")
                        .bind("from", from).bind("until", until)
                        .map(row -> {
                            log.info("Invoice run {}: {} invoice(s) issued, {} family(ies) not invoiced", month, issued.size(),
                                    notInvoiced.size());
                            return new Result(month.toString(), List.copyOf(issued), List.copyOf(notInvoiced),
                                    ((Number) row.get("not_billable")).longValue(), row.get("received_until", Instant.class),
                                    !clock.instant().atZone(Invoice.PARIS).toLocalDate().isAfter(month.atEndOfMonth()));
                        })
                        .one());
    }

    private record Group(UUID familyId, UUID structureId) {
    }

    private record Line(UUID reservationId, String structureName, LocalDate date, String unit, boolean meal) {
    }

    private record Family(String name, String address, Integer quotient) {
    }

    /** Rolls the group's transaction back: nothing is invoiced, no number is taken. */
    private static final class Unpriced extends RuntimeException {

        final String familyName;

        Unpriced(String message, String familyName) {
            super(message, null, false, false);
            this.familyName = familyName;
        }
    }

    private Mono<Issued> issue(Group group, YearMonth month, LocalDate from, LocalDate until, PriceGrid grid) {
        Instant now = clock.instant();
        LocalDate issuedOn = now.atZone(Invoice.PARIS).toLocalDate();
        Mono<List<Line>> lines = database.sql("""
                        SELECT reservation_id, structure_name, date, unit, meal FROM billable_line
                        WHERE family_id = :familyId AND structure_id = :structureId AND invoice_id IS NULL AND billable
                          AND date >= :from AND date < :until
                        ORDER BY date, reservation_id
                        FOR UPDATE""")
                .bind("familyId", group.familyId()).bind("structureId", group.structureId())
                .bind("from", from).bind("until", until)
                .map(row -> new Line(row.get("reservation_id", UUID.class), row.get("structure_name", String.class),
                        row.get("date", LocalDate.class), row.get("unit", String.class), row.get("meal", Boolean.class)))
                .all().collectList();
        Mono<Family> family = database.sql("SELECT family_name, address, postal_code, town, quotient_familial FROM family WHERE id = :id")
                .bind("id", group.familyId())
                .map(row -> new Family(row.get("family_name", String.class), address(row.get("address", String.class),
                        row.get("postal_code", String.class), row.get("town", String.class)), row.get("quotient_familial", Integer.class)))
                .one()
                .defaultIfEmpty(new Family("Famille " + group.familyId().toString().substring(0, 8), null, null));
        return lines.filter(found -> !found.isEmpty()).zipWith(family).flatMap(found -> {
            List<Line> billed = found.getT1();
            Family payer = found.getT2();
            List<PriceGrid.Price> prices = new ArrayList<>();
            for (Line line : billed) {
                Optional<PriceGrid.Price> price = grid.price(line.unit(), line.meal(), line.date(), payer.quotient());
                if (price.isEmpty()) {
                    return Mono.error(new Unpriced("Aucun tarif " + line.unit() + " en vigueur le " + line.date()
                            + (payer.quotient() == null ? "" : " pour le quotient familial " + payer.quotient()), payer.name()));
                }
                prices.add(price.get());
            }
            int total = prices.stream().mapToInt(PriceGrid.Price::totalCents).sum();
            String structureName = billed.get(0).structureName();
            LocalDate dueDate = issuedOn.plusDays(Invoice.PAYMENT_DAYS);
            return nextNumber(group.structureId(), issuedOn.getYear())
                    .map(counter -> InvoiceNumber.of(structureName, issuedOn.getYear(), counter))
                    .flatMap(number -> database.sql("""
                                    INSERT INTO invoice (number, family_id, family_name, family_address, quotient_familial, structure_id,
                                        structure_name, month, total_cents, status, issued_at, due_date)
                                    VALUES (:number, :familyId, :familyName, :familyAddress, :quotient, :structureId,
                                        :structureName, :month, :total, 'ISSUED', :issuedAt, :dueDate)
                                    RETURNING id""")
                            .bind("number", number)
                            .bind("familyId", group.familyId())
                            .bind("familyName", payer.name())
                            .bind("familyAddress", Parameter.fromOrEmpty(payer.address(), String.class))
                            .bind("quotient", Parameter.fromOrEmpty(payer.quotient(), Integer.class))
                            .bind("structureId", group.structureId())
                            .bind("structureName", structureName)
                            .bind("month", month.toString())
                            .bind("total", total)
                            .bind("issuedAt", now)
                            .bind("dueDate", dueDate)
                            .map(row -> row.get("id", UUID.class)).one()
                            .flatMap(invoiceId -> Flux.range(0, billed.size())
                                    .concatMap(i -> database.sql("""
                                                    UPDATE billable_line SET invoice_id = :invoiceId, unit_price_cents = :unitCents,
                                                        meal_price_cents = :mealCents, amount_cents = :amountCents
                                                    WHERE reservation_id = :reservationId""")
                                            .bind("invoiceId", invoiceId)
                                            .bind("unitCents", prices.get(i).unitCents())
                                            .bind("mealCents", prices.get(i).mealCents())
                                            .bind("amountCents", prices.get(i).totalCents())
                                            .bind("reservationId", billed.get(i).reservationId())
                                            .then())
                                    .then(invoices.unpaidCents(group.familyId()))
                                    .flatMap(unpaid -> outbox.append(new InvoiceIssued(invoiceId, group.familyId(), number,
                                            group.structureId(), structureName, month.toString(), total, dueDate, unpaid, now)))
                                    .thenReturn(new Issued(invoiceId, number, group.familyId(), group.structureId(), month.toString(), total))));
        });
    }

    /** The structure's next number for the year, from its counter row: the row lock orders concurrent runs, a rollback gives it back. */
    private Mono<Integer> nextNumber(UUID structureId, int year) {
        return database.sql("""
                        INSERT INTO invoice_counter (structure_id, year, last_number) VALUES (:structureId, :year, 1)
                        ON CONFLICT (structure_id, year) DO UPDATE SET last_number = invoice_counter.last_number + 1
                        RETURNING last_number""")
                .bind("structureId", structureId).bind("year", year)
                .map(row -> row.get("last_number", Integer.class)).one();
    }

    private static String address(String street, String postalCode, String town) {
        String place = ((postalCode == null ? "" : postalCode) + " " + (town == null ? "" : town)).trim();
        String full = ((street == null ? "" : street) + (place.isEmpty() ? "" : ", " + place)).trim();
        return full.isEmpty() || full.equals(",") ? null : full.replaceFirst("^, ", "");
    }
}

package fr.portailfamilles.billing.config;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

import fr.portailfamilles.billing.invoice.application.InvoiceRun;
import fr.portailfamilles.billing.tariff.domain.TariffUnit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo data for the local run (DEMO_DATA=true), created once and kept across restarts (fixed ids,
 * existing rows skipped): the demo leisure centre's price grids (three quotient familial brackets, for
 * 2025-2026 and from 2026-09-01), an issued, unpaid June 2026 invoice for the Bernard family (Lina's
 * days at Les Petits Loups), made by the monthly run from billable lines, so a newcomer can pay it, and
 * Lina's May 2026 days not invoiced yet: a month ready for staff to invoice (« Facturation »).
 */
@Component
@ConditionalOnBooleanProperty("portail.demo.enabled")
public class DemoData implements ApplicationRunner {

    /** reservation-service's demo "Accueil de loisirs Les Petits Loups": keep both in step. */
    public static final UUID PETITS_LOUPS_ALSH = UUID.fromString("5e7a0c1d-0000-4000-8000-000000000001");
    public static final LocalDate SCHOOL_YEAR_START = LocalDate.of(2026, 9, 1);
    public static final LocalDate PREVIOUS_SCHOOL_YEAR_START = LocalDate.of(2025, 9, 1);
    public static final String PETITS_LOUPS_NAME = "Accueil de loisirs Les Petits Loups";
    /** account-service's demo family Bernard and its child Lina: keep them in step. */
    public static final UUID BERNARD_FAMILY = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000002");
    public static final UUID LINA_BERNARD = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000021");
    public static final YearMonth BERNARD_INVOICE_MONTH = YearMonth.of(2026, 6);
    /** Left for staff to run: Lina's May 2026 days (3 days, 38,70 € at the highest bracket of 2025-2026, as June). */
    public static final YearMonth MONTH_TO_INVOICE = YearMonth.of(2026, 5);

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DatabaseClient database;
    private final InvoiceRun invoiceRun;

    public DemoData(DatabaseClient database, InvoiceRun invoiceRun) {
        this.database = database;
        this.invoiceRun = invoiceRun;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.just(
                        // QF 0–700
                        new Demo(1, TariffUnit.JOURNEE, 0, 700, 450, 150),
                        new Demo(2, TariffUnit.MATIN, 0, 700, 250, 150),
                        new Demo(3, TariffUnit.APRES_MIDI, 0, 700, 250, 150),
                        // QF 701–1200
                        new Demo(4, TariffUnit.JOURNEE, 701, 1200, 900, 300),
                        new Demo(5, TariffUnit.MATIN, 701, 1200, 500, 300),
                        new Demo(6, TariffUnit.APRES_MIDI, 701, 1200, 500, 300),
                        // QF 1201 and above
                        new Demo(7, TariffUnit.JOURNEE, 1201, null, 1400, 420),
                        new Demo(8, TariffUnit.MATIN, 1201, null, 800, 420),
                        new Demo(9, TariffUnit.APRES_MIDI, 1201, null, 800, 420),
                        // 2025-2026, a little cheaper
                        new Demo(10, TariffUnit.JOURNEE, 0, 700, 430, 140, PREVIOUS_SCHOOL_YEAR_START),
                        new Demo(11, TariffUnit.MATIN, 0, 700, 240, 140, PREVIOUS_SCHOOL_YEAR_START),
                        new Demo(12, TariffUnit.APRES_MIDI, 0, 700, 240, 140, PREVIOUS_SCHOOL_YEAR_START),
                        new Demo(13, TariffUnit.JOURNEE, 701, 1200, 860, 290, PREVIOUS_SCHOOL_YEAR_START),
                        new Demo(14, TariffUnit.MATIN, 701, 1200, 480, 290, PREVIOUS_SCHOOL_YEAR_START),
                        new Demo(15, TariffUnit.APRES_MIDI, 701, 1200, 480, 290, PREVIOUS_SCHOOL_YEAR_START),
                        new Demo(16, TariffUnit.JOURNEE, 1201, null, 1350, 400, PREVIOUS_SCHOOL_YEAR_START),
                        new Demo(17, TariffUnit.MATIN, 1201, null, 770, 400, PREVIOUS_SCHOOL_YEAR_START),
                        new Demo(18, TariffUnit.APRES_MIDI, 1201, null, 770, 400, PREVIOUS_SCHOOL_YEAR_START))
                .concatMap(this::ensure)
                .reduce(0L, Long::sum)
                .doOnNext(inserted -> {
                    if (inserted > 0) {
                        log.info("Demo tariffs created: {}", inserted);
                    }
                })
                .block();
        bernardInvoice().block();
        lines(Flux.just(
                new DemoLine(5, LocalDate.of(2026, 5, 6), "JOURNEE"),
                new DemoLine(6, LocalDate.of(2026, 5, 13), "JOURNEE_REPAS"),
                new DemoLine(7, LocalDate.of(2026, 5, 20), "MATIN")))
                .reduce(0L, Long::sum)
                .doOnNext(inserted -> {
                    if (inserted > 0) {
                        log.info("Demo month to invoice: {} line(s) of {}", inserted, MONTH_TO_INVOICE);
                    }
                })
                .block();
    }

    /** Demo billable line ids (reservation ids): b111ed00-0000-4000-8000-00000000000n. */
    static UUID lineId(int n) {
        return UUID.fromString("b111ed00-0000-4000-8000-%012d".formatted(n));
    }

    /**
     * The Bernard family as account-service announces it (an older state: the real event wins), Lina's June
     * days, then the June run, which invoices them once (a restart finds them invoiced and issues nothing).
     */
    private Mono<Void> bernardInvoice() {
        Mono<Long> family = database.sql("""
                        INSERT INTO family (id, family_name, address, postal_code, town, quotient_familial, updated_at)
                        VALUES (:id, 'Bernard', '3 place d''Erlon', '51100', 'Reims', NULL, '2026-01-01T00:00:00Z')
                        ON CONFLICT DO NOTHING""")
                .bind("id", BERNARD_FAMILY)
                .fetch().rowsUpdated();
        Flux<Long> lines = lines(Flux.just(
                new DemoLine(1, LocalDate.of(2026, 6, 3), "JOURNEE_REPAS"),
                new DemoLine(2, LocalDate.of(2026, 6, 10), "JOURNEE_REPAS"),
                new DemoLine(3, LocalDate.of(2026, 6, 17), "MATIN"),
                new DemoLine(4, LocalDate.of(2026, 6, 24), "APRES_MIDI_REPAS")));
        return family.thenMany(lines).then(invoiceRun.run(BERNARD_INVOICE_MONTH))
                .doOnNext(result -> result.invoices().forEach(invoice -> log.info("Demo invoice issued: {}", invoice.number())))
                .then();
    }

    /** Lina's days at Les Petits Loups as reservation events leave them, once (fixed ids). */
    private Flux<Long> lines(Flux<DemoLine> demoLines) {
        return demoLines
                .concatMap(line -> database.sql("""
                                INSERT INTO billable_line (reservation_id, family_id, child_id, child_first_name, structure_id, structure_name,
                                    date, unit, meal, billable, received_at)
                                VALUES (:id, :familyId, :childId, 'Lina', :structureId, :structureName, :date, :unit, :meal, true, :receivedAt)
                                ON CONFLICT DO NOTHING""")
                        .bind("id", lineId(line.n()))
                        .bind("familyId", BERNARD_FAMILY)
                        .bind("childId", LINA_BERNARD)
                        .bind("structureId", PETITS_LOUPS_ALSH)
                        .bind("structureName", PETITS_LOUPS_NAME)
                        .bind("date", line.date())
                        .bind("unit", line.unit())
                        .bind("meal", line.unit().endsWith("_REPAS"))
                        .bind("receivedAt", line.date().atStartOfDay(ZoneOffset.UTC).toInstant())
                        .fetch().rowsUpdated());
    }

    private record DemoLine(int n, LocalDate date, String unit) {
    }

    /** Demo tariff ids: 7a11f000-0000-4000-8000-0000000000nn. */
    static UUID tariffId(int n) {
        return UUID.fromString("7a11f000-0000-4000-8000-%012d".formatted(n));
    }

    private Mono<Long> ensure(Demo demo) {
        return database.sql("""
                        INSERT INTO tariff (id, structure_id, unit, qf_min, qf_max, price_cents, meal_price_cents, valid_from)
                        VALUES (:id, :structureId, :unit, :qfMin, :qfMax, :priceCents, :mealPriceCents, :validFrom)
                        ON CONFLICT DO NOTHING""")
                .bind("id", tariffId(demo.n()))
                .bind("structureId", PETITS_LOUPS_ALSH)
                .bind("unit", demo.unit().name())
                .bind("qfMin", demo.qfMin())
                .bind("qfMax", Parameter.fromOrEmpty(demo.qfMax(), Integer.class))
                .bind("priceCents", demo.priceCents())
                .bind("mealPriceCents", demo.mealPriceCents())
                .bind("validFrom", demo.validFrom())
                .fetch().rowsUpdated();
    }

    private record Demo(int n, TariffUnit unit, int qfMin, Integer qfMax, int priceCents, int mealPriceCents, LocalDate validFrom) {

        Demo(int n, TariffUnit unit, int qfMin, Integer qfMax, int priceCents, int mealPriceCents) {
            this(n, unit, qfMin, qfMax, priceCents, mealPriceCents, SCHOOL_YEAR_START);
        }
    }
}

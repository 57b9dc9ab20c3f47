package fr.portailfamilles.billing.config;

import java.time.LocalDate;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

import fr.portailfamilles.billing.tariff.domain.TariffUnit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo price grid for the local run (DEMO_DATA=true): three quotient familial brackets for the demo
 * leisure centre, created once and kept across restarts (fixed ids, existing rows skipped).
 */
@Component
@ConditionalOnBooleanProperty("portail.demo.enabled")
public class DemoData implements ApplicationRunner {

    /** reservation-service's demo "Accueil de loisirs Les Petits Loups": keep both in step. */
    public static final UUID PETITS_LOUPS_ALSH = UUID.fromString("5e7a0c1d-0000-4000-8000-000000000001");
    public static final LocalDate SCHOOL_YEAR_START = LocalDate.of(2026, 9, 1);

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DatabaseClient database;

    public DemoData(DatabaseClient database) {
        this.database = database;
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
                        new Demo(9, TariffUnit.APRES_MIDI, 1201, null, 800, 420))
                .concatMap(this::ensure)
                .reduce(0L, Long::sum)
                .doOnNext(inserted -> {
                    if (inserted > 0) {
                        log.info("Demo tariffs created: {}", inserted);
                    }
                })
                .block();
    }

    /** Demo tariff ids: 7a11f000-0000-4000-8000-00000000000n. */
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
                .bind("validFrom", SCHOOL_YEAR_START)
                .fetch().rowsUpdated();
    }

    private record Demo(int n, TariffUnit unit, int qfMin, Integer qfMax, int priceCents, int mealPriceCents) {
    }
}

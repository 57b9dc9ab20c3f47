package fr.portailfamilles.reservation.config;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.reservation.structure.domain.StructureKind;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo structures for the local run (DEMO_DATA=true), created once and kept across restarts. The
 * insert skips rows that exist, so several instances starting together do not trip over each other.
 */
@Component
@ConditionalOnBooleanProperty("portail.demo.enabled")
public class DemoData implements ApplicationRunner {

    /** Fixed, so billing-service's demo tariffs can refer to the same structure. */
    public static final UUID PETITS_LOUPS_ALSH = UUID.fromString("5e7a0c1d-0000-4000-8000-000000000001");
    public static final UUID LUCIOLES_CRECHE = UUID.fromString("5e7a0c1d-0000-4000-8000-000000000002");

    /** "ALSH vacances" at Les Petits Loups, 3–11 years, dossier ALSH; its summer period, with 14 July closed. */
    public static final UUID ALSH_VACANCES = UUID.fromString("5e7a0c1d-0000-4000-8000-000000000101");
    public static final UUID UNDER_SIX = UUID.fromString("5e7a0c1d-0000-4000-8000-000000000111");
    public static final UUID SIX_AND_OVER = UUID.fromString("5e7a0c1d-0000-4000-8000-000000000112");
    public static final UUID ETE_2027 = UUID.fromString("5e7a0c1d-0000-4000-8000-000000000201");
    /** « Vacances de la Toussaint 2027 »: its booking opens a few minutes after the service starts, through the waiting room. */
    public static final UUID TOUSSAINT_2027 = UUID.fromString("5e7a0c1d-0000-4000-8000-000000000202");
    /** How long after the start the Toussaint period opens: time for a newcomer to log in and watch the opening. */
    public static final java.time.Duration TOUSSAINT_OPENS_IN = java.time.Duration.ofMinutes(5);
    /** The demo's full day: no place left, so a newcomer meets the waiting list. */
    public static final java.time.LocalDate FULL_DAY = java.time.LocalDate.of(2027, 7, 9);

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final java.time.Clock clock;

    public DemoData(DatabaseClient database, TransactionalOperator transactions, java.time.Clock clock) {
        this.database = database;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.just(
                        new Demo(PETITS_LOUPS_ALSH, "Accueil de loisirs Les Petits Loups", StructureKind.ALSH,
                                "12 rue des Écoles", "Reims", "alsh.petitsloups@portail-familles.fr"),
                        new Demo(LUCIOLES_CRECHE, "Multi-accueil Les Lucioles", StructureKind.CRECHE,
                                "5 allée des Tilleuls", "Reims", "lucioles@portail-familles.fr"))
                .concatMap(this::ensure)
                .then(transactions.transactional(offer()))
                .then(transactions.transactional(toussaint()))
                .block();
    }

    /**
     * The summer period, open for booking since 1 January 2026 until 1 July 2027, weekdays from 7 to 30 July
     * 2027, 14 July closed; 12 places under 6 and 16 from 6 per half-day; the full day has its capacity at 0.
     */
    private Mono<Void> offer() {
        return database.sql("""
                        INSERT INTO activity (id, structure_id, name, kind, min_age, max_age, required_dossier, deadline_days, cutoff_time,
                                              working_days, late_cancellation, waitlist_policy)
                        VALUES (:id, :structure, 'ALSH vacances', 'ALSH', 3, 11, 'ALSH', 2, TIME '12:00', true, 'BILL', 'AUTO_BOOK')
                        ON CONFLICT DO NOTHING""")
                .bind("id", ALSH_VACANCES).bind("structure", PETITS_LOUPS_ALSH).fetch().rowsUpdated()
                .flatMap(created -> created == 0 ? Mono.<Void>empty() : database.sql("""
                                INSERT INTO age_group (id, activity_id, label, min_age, max_age, daily_capacity) VALUES
                                    (:under, :activity, 'Moins de 6 ans', 3, 5, 12),
                                    (:over, :activity, '6 ans et plus', 6, 11, 16)""")
                        .bind("under", UNDER_SIX).bind("over", SIX_AND_OVER).bind("activity", ALSH_VACANCES).then()
                        .then(database.sql("""
                                        INSERT INTO period (id, activity_id, name, start_date, end_date, open_weekdays, booking_opens_at,
                                                            booking_closes_at)
                                        VALUES (:id, :activity, 'Vacances d''été 2027', DATE '2027-07-07', DATE '2027-07-30', '{1,2,3,4,5}',
                                                TIMESTAMPTZ '2026-01-01 08:00+01', TIMESTAMPTZ '2027-07-01 12:00+02')""")
                                .bind("id", ETE_2027).bind("activity", ALSH_VACANCES).then())
                        .then(database.sql("""
                                        INSERT INTO period_closed_date (period_id, date, reason) VALUES (:id, DATE '2027-07-14', 'Fête nationale')""")
                                .bind("id", ETE_2027).then())
                        .then(database.sql("""
                                        INSERT INTO day_slot (period_id, date, age_group_id, half, capacity)
                                        SELECT :id, d::date, g.id, h, CASE WHEN d::date = :full THEN 0 ELSE g.daily_capacity END
                                        FROM generate_series(DATE '2027-07-07', DATE '2027-07-30', INTERVAL '1 day') d, age_group g,
                                             unnest(ARRAY['MATIN', 'APRES_MIDI']) h
                                        WHERE g.activity_id = :activity AND extract(isodow FROM d) <= 5 AND d::date <> DATE '2027-07-14'""")
                                .bind("id", ETE_2027).bind("activity", ALSH_VACANCES).bind("full", FULL_DAY).then())
                        .then(database.sql("""
                                        INSERT INTO day_queue (period_id, date, age_group_id)
                                        SELECT DISTINCT period_id, date, age_group_id FROM day_slot WHERE period_id = :id""")
                                .bind("id", ETE_2027).then())
                        .doOnSuccess(done -> log.info("Demo activity and period created: ALSH vacances, Vacances d'été 2027")));
    }

    /**
     * « Vacances de la Toussaint 2027 » of the same activity, weekdays 25 October – 5 November 2027, 1 November closed,
     * with the waiting room on (60 families a minute). Its booking opens {@link #TOUSSAINT_OPENS_IN} after the start;
     * at a restart after that opening it opens again that long after, with an empty waiting room, so every run of
     * dev/run shows an opening. Several instances starting together move it once (only an opening already past moves).
     */
    private Mono<Void> toussaint() {
        java.time.Instant now = clock.instant();
        java.time.Instant opens = now.plus(TOUSSAINT_OPENS_IN).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Mono<Void> create = database.sql("""
                        INSERT INTO period (id, activity_id, name, start_date, end_date, open_weekdays, booking_opens_at, booking_closes_at,
                                            waiting_room_enabled, waiting_room_pace_per_minute)
                        VALUES (:id, :activity, 'Vacances de la Toussaint 2027', DATE '2027-10-25', DATE '2027-11-05', '{1,2,3,4,5}',
                                :opens, TIMESTAMPTZ '2027-10-15 12:00+02', true, 60)
                        ON CONFLICT DO NOTHING""")
                .bind("id", TOUSSAINT_2027).bind("activity", ALSH_VACANCES).bind("opens", opens).fetch().rowsUpdated()
                .flatMap(created -> created == 0 ? Mono.<Void>empty() : database.sql("""
                                INSERT INTO period_closed_date (period_id, date, reason) VALUES (:id, DATE '2027-11-01', 'Toussaint')""")
                        .bind("id", TOUSSAINT_2027).then()
                        .then(database.sql("""
                                        INSERT INTO day_slot (period_id, date, age_group_id, half, capacity)
                                        SELECT :id, d::date, g.id, h, g.daily_capacity
                                        FROM generate_series(DATE '2027-10-25', DATE '2027-11-05', INTERVAL '1 day') d, age_group g,
                                             unnest(ARRAY['MATIN', 'APRES_MIDI']) h
                                        WHERE g.activity_id = :activity AND extract(isodow FROM d) <= 5 AND d::date <> DATE '2027-11-01'""")
                                .bind("id", TOUSSAINT_2027).bind("activity", ALSH_VACANCES).then())
                        .then(database.sql("""
                                        INSERT INTO day_queue (period_id, date, age_group_id)
                                        SELECT DISTINCT period_id, date, age_group_id FROM day_slot WHERE period_id = :id""")
                                .bind("id", TOUSSAINT_2027).then()));
        Mono<Void> reopen = database.sql("""
                        UPDATE period SET booking_opens_at = :opens, waiting_room_enabled = true
                        WHERE id = :id AND booking_opens_at <= :now AND :opens < booking_closes_at""")
                .bind("opens", opens).bind("now", now).bind("id", TOUSSAINT_2027).fetch().rowsUpdated()
                .flatMap(moved -> moved == 0 ? Mono.<Void>empty() : database.sql("DELETE FROM waiting_room_place WHERE period_id = :id")
                        .bind("id", TOUSSAINT_2027).then()
                        .then(database.sql("DELETE FROM waiting_room WHERE period_id = :id").bind("id", TOUSSAINT_2027).then()));
        return create.then(reopen)
                .then(Mono.fromRunnable(() -> log.info("Demo period « Vacances de la Toussaint 2027 »: booking opens at {} through the waiting room",
                        opens)));
    }

    private Mono<Long> ensure(Demo demo) {
        return database.sql("""
                        INSERT INTO structure (id, name, kind, address, town, contact_email)
                        VALUES (:id, :name, :kind, :address, :town, :contactEmail)
                        ON CONFLICT DO NOTHING""")
                .bind("id", demo.id())
                .bind("name", demo.name())
                .bind("kind", demo.kind().name())
                .bind("address", demo.address())
                .bind("town", demo.town())
                .bind("contactEmail", demo.contactEmail())
                .fetch().rowsUpdated()
                .doOnNext(inserted -> {
                    if (inserted > 0) {
                        log.info("Demo structure created: {}", demo.name());
                    }
                });
    }

    private record Demo(UUID id, String name, StructureKind kind, String address, String town, String contactEmail) {
    }
}

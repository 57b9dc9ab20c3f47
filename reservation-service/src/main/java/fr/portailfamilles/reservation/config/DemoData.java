package fr.portailfamilles.reservation.config;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

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

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DatabaseClient database;

    public DemoData(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.just(
                        new Demo(PETITS_LOUPS_ALSH, "Accueil de loisirs Les Petits Loups", StructureKind.ALSH,
                                "12 rue des Écoles", "Reims", "alsh.petitsloups@portail-familles.fr"),
                        new Demo(LUCIOLES_CRECHE, "Multi-accueil Les Lucioles", StructureKind.CRECHE,
                                "5 allée des Tilleuls", "Reims", "lucioles@portail-familles.fr"))
                .concatMap(this::ensure)
                .blockLast();
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

package fr.portailfamilles.document.dossier.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.portailfamilles.document.catalogue.domain.DocumentTypeRepository;
import fr.portailfamilles.document.document.domain.DocumentRepository;
import fr.portailfamilles.document.dossier.domain.Completeness;
import fr.portailfamilles.document.dossier.domain.DossierState;
import fr.portailfamilles.document.family.domain.FamilyChild;
import fr.portailfamilles.document.family.domain.FamilyChildRepository;
import fr.portailfamilles.events.document.DossierCompletenessChanged;
import fr.portailfamilles.platform.outbox.Outbox;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Recomputes a family's dossiers and publishes {@link DossierCompletenessChanged} only when "complete"
 * differs from what was last published (kept in {@code dossier_completeness}; none yet = incomplete).
 */
@Service
public class DossierCompleteness {

    /** The child_id of a family's own line: a primary key column cannot be null. */
    static final UUID FAMILY_LINE = new UUID(0, 0);

    private final DatabaseClient database;
    private final DocumentTypeRepository types;
    private final FamilyChildRepository children;
    private final DocumentRepository documents;
    private final Outbox outbox;
    private final Clock clock;

    public DossierCompleteness(DatabaseClient database, DocumentTypeRepository types, FamilyChildRepository children,
            DocumentRepository documents, Outbox outbox, Clock clock) {
        this.database = database;
        this.types = types;
        this.children = children;
        this.documents = documents;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Mono<Void> recompute(UUID familyId) {
        return recompute(familyId, LocalDate.now(clock));
    }

    /** Joins the caller's transaction, so the change and its event commit together. */
    @Transactional
    public Mono<Void> recompute(UUID familyId, LocalDate today) {
        return Mono.zip(types.findAllInOrder().collectList(),
                        children.findChildren(familyId).map(FamilyChild::childId).collectList(),
                        documents.findByFamilyIdOrderBySubmittedAtDesc(familyId).collectList(),
                        published(familyId))
                .flatMapMany(loaded -> Flux.fromIterable(Completeness.evaluate(familyId, loaded.getT1(), loaded.getT2(),
                                loaded.getT3(), today))
                        .filter(state -> loaded.getT4().getOrDefault(key(state.childId(), state.dossier().name()), false)
                                != state.complete()))
                .concatMap(this::publish)
                .then();
    }

    private Mono<Map<String, Boolean>> published(UUID familyId) {
        return database.sql("SELECT child_id, dossier, complete FROM dossier_completeness WHERE family_id = :family")
                .bind("family", familyId)
                .map(row -> Map.entry(key(row.get("child_id", UUID.class), row.get("dossier", String.class)),
                        Boolean.TRUE.equals(row.get("complete", Boolean.class))))
                .all()
                .collect(HashMap::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()));
    }

    private Mono<Void> publish(DossierState state) {
        var now = clock.instant();
        return database.sql("""
                        INSERT INTO dossier_completeness (family_id, child_id, dossier, complete, missing_types, changed_at)
                        VALUES (:family, :child, :dossier, :complete, :missing, :at)
                        ON CONFLICT (family_id, child_id, dossier) DO UPDATE SET complete = EXCLUDED.complete,
                          missing_types = EXCLUDED.missing_types, changed_at = EXCLUDED.changed_at""")
                .bind("family", state.familyId())
                .bind("child", state.childId() == null ? FAMILY_LINE : state.childId())
                .bind("dossier", state.dossier().name())
                .bind("complete", state.complete())
                .bind("missing", state.missingTypes().toArray(String[]::new))
                .bind("at", now)
                .then()
                .then(outbox.append(new DossierCompletenessChanged(state.familyId(), state.childId(), state.dossier().name(),
                        state.complete(), state.missingTypes(), now)));
    }

    private static String key(UUID child, String dossier) {
        return (child == null ? FAMILY_LINE : child) + "/" + dossier;
    }
}

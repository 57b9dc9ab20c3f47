package fr.portailfamilles.document.family.application;

import java.util.List;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.portailfamilles.document.dossier.application.DossierCompleteness;
import fr.portailfamilles.events.account.ChildProfile;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Keeps the local copy of a family (and its children) as account-service last published it. */
@Service
public class FamilyProjection {

    private final DatabaseClient database;
    private final DossierCompleteness completeness;

    public FamilyProjection(DatabaseClient database, DossierCompleteness completeness) {
        this.database = database;
        this.completeness = completeness;
    }

    /** The whole new state: children no longer listed are dropped; completeness follows the children. */
    @Transactional
    public Mono<Void> apply(UUID familyId, String familyName, List<ChildProfile> children) {
        children = children == null ? List.of() : children;
        UUID[] childIds = children.stream().map(ChildProfile::childId).toArray(UUID[]::new);
        return database.sql("""
                        INSERT INTO family (id, family_name, updated_at) VALUES (:id, :name, now())
                        ON CONFLICT (id) DO UPDATE SET family_name = EXCLUDED.family_name, updated_at = now()""")
                .bind("id", familyId).bind("name", familyName).then()
                .then(database.sql("DELETE FROM family_child WHERE family_id = :id AND NOT (child_id = ANY(:children))")
                        .bind("id", familyId).bind("children", childIds).then())
                .thenMany(Flux.fromIterable(children).concatMap(child -> upsert(familyId, child)))
                .then(completeness.recompute(familyId));
    }

    private Mono<Void> upsert(UUID familyId, ChildProfile child) {
        var spec = database.sql("""
                        INSERT INTO family_child (child_id, family_id, first_name, last_name, birth_date)
                        VALUES (:child, :family, :first, :last, :birth)
                        ON CONFLICT (child_id) DO UPDATE SET family_id = EXCLUDED.family_id, first_name = EXCLUDED.first_name,
                          last_name = EXCLUDED.last_name, birth_date = EXCLUDED.birth_date""")
                .bind("child", child.childId()).bind("family", familyId)
                .bind("first", child.firstName()).bind("last", child.lastName());
        spec = child.birthDate() == null ? spec.bindNull("birth", java.time.LocalDate.class) : spec.bind("birth", child.birthDate());
        return spec.then();
    }
}

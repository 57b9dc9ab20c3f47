package fr.portailfamilles.notification.family.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

import fr.portailfamilles.events.account.ChildProfile;
import fr.portailfamilles.events.account.ParentContact;
import fr.portailfamilles.notification.family.domain.FamilyContact;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The local projection of families: parents' e-mails and first names, children's first names. */
@Service
public class FamilyContacts {

    private final DatabaseClient database;
    private final JsonMapper json;

    public FamilyContacts(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /** Keeps the newest state: an older event arriving late does not overwrite a newer one. */
    public Mono<Void> record(UUID familyId, String familyName, List<ParentContact> parents, List<ChildProfile> children,
            Instant occurredAt) {
        return database.sql("""
                        INSERT INTO family_contact (family_id, family_name, parents, children, occurred_at)
                        VALUES (:familyId, :familyName, CAST(:parents AS jsonb), CAST(:children AS jsonb), :occurredAt)
                        ON CONFLICT (family_id) DO UPDATE SET family_name = EXCLUDED.family_name,
                            parents = EXCLUDED.parents, children = EXCLUDED.children,
                            occurred_at = EXCLUDED.occurred_at, updated_at = now()
                        WHERE family_contact.occurred_at <= EXCLUDED.occurred_at""")
                .bind("familyId", familyId)
                .bind("familyName", familyName)
                .bind("parents", json.writeValueAsString(parents == null ? List.of() : parents))
                .bind("children", json.writeValueAsString(children == null ? List.of() : children))
                .bind("occurredAt", occurredAt == null ? Instant.now() : occurredAt)
                .then();
    }

    public Mono<FamilyContact> find(UUID familyId) {
        return database.sql("SELECT family_name, parents::text AS parents, children::text AS children FROM family_contact WHERE family_id = :id")
                .bind("id", familyId)
                .map(row -> new FamilyContact(familyId, row.get("family_name", String.class),
                        json.readValue(row.get("parents", String.class), new TypeReference<List<ParentContact>>() { }),
                        json.readValue(row.get("children", String.class), new TypeReference<List<ChildProfile>>() { })))
                .one();
    }
}

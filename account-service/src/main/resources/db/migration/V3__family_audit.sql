-- Who among staff read or changed which family, and when (personal data accountability).
CREATE TABLE family_audit (
    id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    family_id uuid        NOT NULL,
    actor_id  uuid        NOT NULL,
    action    text        NOT NULL,
    at        timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX family_audit_family ON family_audit (family_id, at);

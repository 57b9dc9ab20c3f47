-- Staff decisions on account requests; an actualisation points at the family it renews.
ALTER TABLE account_request
    ADD COLUMN actualisation_of uuid,
    ADD COLUMN family_id        uuid,
    ADD COLUMN decided_at       timestamptz,
    ADD COLUMN decided_by       uuid,
    ADD COLUMN rejection_reason text;

-- A family: what "Modifier les informations de la famille" edits, plus the staff-set quotient familial.
CREATE TABLE family (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name               text        NOT NULL,
    address            text        NOT NULL,
    postal_code        text        NOT NULL,
    town               text        NOT NULL,
    situation          text,
    caf_number         text,
    quotient_familial  integer,
    qf_source          text CHECK (qf_source IN ('CAF', 'MSA', 'AVIS_IMPOSITION', 'MANUEL')),
    qf_valid_until     date,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX family_name ON family (lower(name));

-- The parents of a family as contacts (their login is user_account, same id).
CREATE TABLE family_parent (
    user_id    uuid PRIMARY KEY REFERENCES user_account (id),
    family_id  uuid NOT NULL REFERENCES family (id),
    first_name text NOT NULL,
    last_name  text NOT NULL,
    email      citext NOT NULL,
    phone      text,
    position   integer NOT NULL DEFAULT 0
);
CREATE INDEX family_parent_family ON family_parent (family_id);

-- "Voir / Modifier la fiche enfant". Pick-up people and emergency contacts are small lists kept as jsonb.
CREATE TABLE child (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    family_id          uuid NOT NULL REFERENCES family (id),
    first_name         text NOT NULL,
    last_name          text NOT NULL,
    birth_date         date NOT NULL,
    school             text,
    class_name         text,
    health_notes       text,
    allergies          text,
    doctor_name        text,
    doctor_phone       text,
    authorized_pickups jsonb NOT NULL DEFAULT '[]',
    emergency_contacts jsonb NOT NULL DEFAULT '[]',
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX child_family ON child (family_id);

-- Consents and authorizations, append-only: the newest row per (family, child, kind) is the current answer.
CREATE TABLE consent (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    family_id   uuid NOT NULL REFERENCES family (id),
    child_id    uuid REFERENCES child (id),
    kind        text NOT NULL,
    granted     boolean NOT NULL,
    recorded_by uuid NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX consent_family ON consent (family_id, child_id, kind, recorded_at);

-- One-time links (activation, password reset): only the SHA-256 of the token is kept.
CREATE TABLE credential_token (
    token_hash text PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES user_account (id),
    purpose    text NOT NULL CHECK (purpose IN ('ACTIVATION', 'RESET')),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX credential_token_user ON credential_token (user_id, purpose);

-- Failed logins per account and per client address, shared by every instance; old rows age out.
CREATE TABLE login_failure (
    id        bigserial PRIMARY KEY,
    subject   text NOT NULL,
    failed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_subject ON login_failure (subject, failed_at);

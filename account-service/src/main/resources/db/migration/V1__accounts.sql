CREATE EXTENSION IF NOT EXISTS citext;

-- Anyone who logs in: parents (with their family) and staff.
CREATE TABLE user_account (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email         citext      NOT NULL UNIQUE,
    password_hash text        NOT NULL,
    roles         text[]      NOT NULL,
    family_id     uuid,
    display_name  text        NOT NULL,
    status        text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'PENDING_ACTIVATION', 'DISABLED')),
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Token signing keys: kept here so every instance signs with, and publishes, the same keys.
CREATE TABLE signing_key (
    kid         text PRIMARY KEY,
    private_jwk text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    retired_at  timestamptz
);

-- "Demande d'ouverture / actualisation de compte": pending until staff review it.
CREATE TABLE account_request (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    contact_email citext      NOT NULL,
    family_name   text        NOT NULL,
    school_year   text        NOT NULL,
    content       jsonb       NOT NULL,
    status        text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    received_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX account_request_status ON account_request (status, received_at);
-- One open request per e-mail and school year: a second one is explained, not silently doubled.
CREATE UNIQUE INDEX account_request_one_pending ON account_request (contact_email, school_year) WHERE status = 'PENDING';

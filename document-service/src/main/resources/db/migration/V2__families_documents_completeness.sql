-- Families as account-service publishes them (FamilyRegistered / FamilyUpdated): which families exist
-- and which children a CHILD-scoped document may be sent for.
CREATE TABLE family (
    id          uuid PRIMARY KEY,
    family_name text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE family_child (
    child_id   uuid PRIMARY KEY,
    family_id  uuid NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    first_name text NOT NULL,
    last_name  text NOT NULL,
    birth_date date
);

CREATE INDEX family_child_family ON family_child (family_id);

-- A document a parent uploaded. The file itself lives in DocumentStorage under storage_key (random);
-- original_filename is display metadata only, never a path.
CREATE TABLE document (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    family_id         uuid        NOT NULL,
    child_id          uuid,
    type_code         text        NOT NULL REFERENCES document_type (code),
    status            text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED')),
    original_filename text        NOT NULL,
    content_type      text        NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes        bigint      NOT NULL CHECK (size_bytes > 0),
    sha256            text        NOT NULL,
    storage_key       text        NOT NULL UNIQUE,
    rejection_reason  text,
    valid_from        date,
    valid_until       date,
    submitted_at      timestamptz NOT NULL,
    reviewed_at       timestamptz,
    expiry_notified_at timestamptz,
    CHECK (status <> 'REJECTED' OR rejection_reason IS NOT NULL)
);

CREATE INDEX document_family ON document (family_id, type_code, submitted_at DESC);
CREATE INDEX document_queue ON document (status, submitted_at);

-- The completeness last published per family (child_id = nil uuid) or child, and dossier: an event is
-- published only when "complete" changes.
CREATE TABLE dossier_completeness (
    family_id     uuid        NOT NULL,
    child_id      uuid        NOT NULL,
    dossier       text        NOT NULL CHECK (dossier IN ('NEUTRE', 'ALSH', 'CRECHE')),
    complete      boolean     NOT NULL,
    missing_types text[]      NOT NULL,
    changed_at    timestamptz NOT NULL,
    PRIMARY KEY (family_id, child_id, dossier)
);

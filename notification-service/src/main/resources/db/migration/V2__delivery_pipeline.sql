-- The synchronous mail_delivery log is replaced by a queue of deliveries that a sender drains.
DROP TABLE mail_delivery;

-- Who to write to for a family: projected from account.family.events (FamilyRegistered, FamilyUpdated).
CREATE TABLE family_contact (
    family_id    uuid PRIMARY KEY,
    family_name  text        NOT NULL,
    parents      jsonb       NOT NULL,
    children     jsonb       NOT NULL,
    occurred_at  timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- One e-mail to one recipient for one event, rendered when queued; the sender moves it to SENT or FAILED.
CREATE TABLE delivery (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id         text        NOT NULL,
    family_id        uuid,
    recipient        text        NOT NULL,
    template         text        NOT NULL,
    subject          text        NOT NULL,
    body_text        text        NOT NULL,
    body_html        text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'FAILED')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz,
    UNIQUE (event_id, recipient, template)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX delivery_status ON delivery (status, created_at DESC);

-- What the family sees in the portal: one message per event, read or not.
CREATE TABLE message (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    family_id   uuid        NOT NULL,
    event_id    text        NOT NULL,
    template    text        NOT NULL,
    subject     text        NOT NULL,
    body        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz,
    UNIQUE (event_id, template, family_id)
);
CREATE INDEX message_family ON message (family_id, created_at DESC);

-- What was e-mailed to whom, for which event: the delivery log staff read and parents see as messages.
CREATE TABLE mail_delivery (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id    text        NOT NULL,
    recipient   text        NOT NULL,
    template    text        NOT NULL,
    subject     text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('SENT', 'FAILED')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (event_id, recipient, template)
);

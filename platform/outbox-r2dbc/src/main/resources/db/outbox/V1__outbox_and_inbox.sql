-- Column names follow Debezium's outbox router, so a CDC relay could replace the poller later.
CREATE TABLE messaging.outbox_event (
    id            uuid PRIMARY KEY,
    aggregatetype text        NOT NULL,
    aggregateid   text        NOT NULL,
    type          text        NOT NULL,
    topic         text        NOT NULL,
    payload       jsonb       NOT NULL,
    headers       jsonb       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    published_at  timestamptz,
    attempts      integer     NOT NULL DEFAULT 0,
    last_error    text,
    parked_at     timestamptz
);

-- The relay's queue: only what is still to send, oldest first.
CREATE INDEX outbox_event_pending ON messaging.outbox_event (created_at, id) WHERE published_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_event_published ON messaging.outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Inbox: a consumer handles a message id once, whatever Kafka redelivers.
CREATE TABLE messaging.processed_message (
    consumer     text        NOT NULL,
    message_id   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, message_id)
);

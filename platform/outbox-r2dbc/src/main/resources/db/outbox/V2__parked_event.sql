-- Events a consumer can never handle as they are (undecodable, permanently invalid): kept here, in the
-- consumer's own database, for an operator to see (GET /api/admin/parked-events) and replay after a fix.
CREATE TABLE messaging.parked_event (
    id            uuid PRIMARY KEY,
    consumer      text        NOT NULL,
    topic         text        NOT NULL,
    kafka_partition integer   NOT NULL,
    kafka_offset  bigint      NOT NULL,
    record_key    text,
    event_id      text,
    event_type    text,
    headers       jsonb       NOT NULL,
    payload       bytea,
    error         text        NOT NULL,
    parked_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    replayed_at   timestamptz,
    -- A record parked again after a crash before its offset was committed stays one row.
    UNIQUE (consumer, topic, kafka_partition, kafka_offset)
);

CREATE INDEX parked_event_waiting ON messaging.parked_event (parked_at) WHERE replayed_at IS NULL;

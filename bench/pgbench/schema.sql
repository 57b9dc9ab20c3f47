-- HOL-1's raw ceiling: reservation-service's booking transaction alone, without HTTP or Java, on the same PostgreSQL
-- as the portal (a scratch database). The shape of reservation-service/bench/conditional.sql (the database decides,
-- the waiting rank from a counter row), with everything else a booking writes: the Idempotency-Key claim and its
-- answer, the reservation row with its indexes, two outbox events. 20 popular days x 60 places, two half-days each.
DROP TABLE IF EXISTS slot, queue, res, idem, outbox;
CREATE TABLE slot (day int, half text, capacity int NOT NULL, booked int NOT NULL DEFAULT 0, PRIMARY KEY (day, half));
CREATE TABLE queue (day int PRIMARY KEY, next_rank int NOT NULL DEFAULT 1);
CREATE TABLE res (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), booking uuid NOT NULL, child int NOT NULL, day int NOT NULL,
                  status text NOT NULL, rank int, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX res_child ON res (child, day);
CREATE TABLE idem (caller text, key text, status text NOT NULL, body text, created_at timestamptz NOT NULL DEFAULT now(),
                   PRIMARY KEY (caller, key));
CREATE TABLE outbox (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), aggregateid text NOT NULL, type text NOT NULL, payload jsonb NOT NULL,
                     created_at timestamptz NOT NULL DEFAULT clock_timestamp(), published_at timestamptz);
CREATE INDEX outbox_pending ON outbox (created_at, id) WHERE published_at IS NULL;
INSERT INTO slot (day, half, capacity) SELECT d, h, 60 FROM generate_series(1, 20) d, unnest(ARRAY['MATIN', 'APRES_MIDI']) h;
INSERT INTO queue (day) SELECT generate_series(1, 20);

-- The waiting room of a period's opening (issue 9). Staff settings live on the period; the queue lives here, in
-- the database every instance shares, so several gateway and reservation-service instances see one queue.
ALTER TABLE period
    ADD COLUMN waiting_room_enabled        boolean NOT NULL DEFAULT false,
    ADD COLUMN waiting_room_pace_per_minute integer NOT NULL DEFAULT 600
        CHECK (waiting_room_pace_per_minute BETWEEN 1 AND 60000);

-- One row per period whose room was used. admitted is the watermark: places 1..floor(admitted) are admitted.
-- It only moves in the admission loop, which one instance at a time runs (advisory lock). next_position is
-- handed out to late arrivals once the early ones were drawn (drawn = true).
CREATE TABLE waiting_room (
    period_id       uuid             PRIMARY KEY REFERENCES period (id) ON DELETE CASCADE,
    drawn           boolean          NOT NULL DEFAULT false,
    next_position   integer          NOT NULL DEFAULT 1,
    admitted        double precision NOT NULL DEFAULT 0 CHECK (admitted >= 0),
    advanced_at     timestamptz,
    pace_per_minute double precision,
    closed_at       timestamptz
);

-- One place per family and period. Before the draw the order is (rank_group, rank_key): early arrivals
-- (group 0) by a SecureRandom key drawn when they joined, so arriving first or scripting gains nothing; late
-- arrivals (group 1) by arrival time. position is set at the draw (early) or at joining (after the draw).
CREATE TABLE waiting_room_place (
    period_id   uuid        NOT NULL REFERENCES period (id) ON DELETE CASCADE,
    family_id   uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    joined_at   timestamptz NOT NULL,
    rank_group  smallint    NOT NULL CHECK (rank_group IN (0, 1)),
    rank_key    bigint      NOT NULL,
    position    integer     CHECK (position >= 1),
    PRIMARY KEY (period_id, family_id),
    UNIQUE (period_id, position)
);

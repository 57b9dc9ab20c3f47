-- Pointage: what staff saw of a confirmed reservation on its day. One row per reservation (the latest
-- mark wins: staff correct a mistake by marking again); arrived_at is the time of arrival (PRESENT,
-- optional; LATE, required) as read on the structure's clock, so a local time, not an instant.
CREATE TABLE attendance_mark (
    reservation_id uuid        PRIMARY KEY REFERENCES reservation (id) ON DELETE CASCADE,
    status         text        NOT NULL CHECK (status IN ('PRESENT', 'ABSENT', 'LATE')),
    arrived_at     time,
    marked_by      uuid        NOT NULL,
    marked_at      timestamptz NOT NULL,
    CHECK (status <> 'LATE' OR arrived_at IS NOT NULL),
    CHECK (status <> 'ABSENT' OR arrived_at IS NULL)
);

-- Local projections of other services' events: eligibility reads only these (never another service's tables).
CREATE TABLE family (
    id                 uuid PRIMARY KEY,
    family_name        text        NOT NULL,
    resident           boolean     NOT NULL,
    account_active     boolean     NOT NULL,
    quotient_familial  integer,
    updated_at         timestamptz NOT NULL
);

CREATE TABLE child (
    id          uuid PRIMARY KEY,
    family_id   uuid NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    first_name  text NOT NULL,
    birth_date  date NOT NULL
);
CREATE INDEX child_family ON child (family_id);

-- Dossier completeness per family (child_id = the nil uuid for a family-level dossier) and dossier kind.
CREATE TABLE dossier_status (
    family_id   uuid        NOT NULL,
    child_id    uuid        NOT NULL,
    dossier     text        NOT NULL,
    complete    boolean     NOT NULL,
    changed_at  timestamptz NOT NULL,
    PRIMARY KEY (family_id, child_id, dossier)
);

-- The offer: activities, their age groups (each with its own daily capacity), periods and their days.
CREATE TABLE activity (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    structure_id        uuid    NOT NULL REFERENCES structure (id),
    name                text    NOT NULL CHECK (length(name) BETWEEN 1 AND 150),
    kind                text    NOT NULL CHECK (kind IN ('ALSH', 'CRECHE', 'PERISCOLAIRE')),
    min_age             integer NOT NULL CHECK (min_age >= 0),
    max_age             integer NOT NULL CHECK (max_age >= min_age),
    required_dossier    text    NOT NULL CHECK (required_dossier IN ('NEUTRE', 'ALSH', 'CRECHE')),
    deadline_days       integer NOT NULL CHECK (deadline_days BETWEEN 0 AND 60),
    cutoff_time         time    NOT NULL,
    working_days        boolean NOT NULL,
    late_cancellation   text    NOT NULL CHECK (late_cancellation IN ('REFUSE', 'BILL')),
    waitlist_policy     text    NOT NULL CHECK (waitlist_policy IN ('AUTO_BOOK', 'OFFER')),
    offer_hours         integer CHECK (offer_hours BETWEEN 1 AND 168),
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX activity_structure_name ON activity (structure_id, lower(name));

CREATE TABLE age_group (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    activity_id    uuid    NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    label          text    NOT NULL,
    min_age        integer NOT NULL CHECK (min_age >= 0),
    max_age        integer NOT NULL CHECK (max_age >= min_age),
    daily_capacity integer NOT NULL CHECK (daily_capacity >= 0)
);
CREATE INDEX age_group_activity ON age_group (activity_id);

CREATE TABLE period (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    activity_id         uuid        NOT NULL REFERENCES activity (id),
    name                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 150),
    start_date          date        NOT NULL,
    end_date            date        NOT NULL CHECK (end_date >= start_date),
    open_weekdays       integer[]   NOT NULL,
    booking_opens_at    timestamptz NOT NULL,
    everyone_opens_at   timestamptz,
    booking_closes_at   timestamptz NOT NULL CHECK (booking_closes_at > booking_opens_at),
    created_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (everyone_opens_at IS NULL OR everyone_opens_at BETWEEN booking_opens_at AND booking_closes_at)
);

-- Closed dates and public holidays of a period: never bookable.
CREATE TABLE period_closed_date (
    period_id  uuid NOT NULL REFERENCES period (id) ON DELETE CASCADE,
    date       date NOT NULL,
    reason     text NOT NULL,
    PRIMARY KEY (period_id, date)
);

-- Capacity, decided here: one row per (period day, age group, half-day). A morning uses MATIN, an
-- afternoon APRES_MIDI, a whole day both. booked never exceeds capacity (checked by the update's
-- WHERE and by the CHECK below, as a last line of defence).
CREATE TABLE day_slot (
    period_id     uuid    NOT NULL REFERENCES period (id) ON DELETE CASCADE,
    date          date    NOT NULL,
    age_group_id  uuid    NOT NULL REFERENCES age_group (id),
    half          text    NOT NULL CHECK (half IN ('MATIN', 'APRES_MIDI')),
    capacity      integer NOT NULL CHECK (capacity >= 0),
    booked        integer NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= capacity),
    PRIMARY KEY (period_id, date, age_group_id, half)
);

-- One waiting list per (period day, age group): next_rank is taken atomically in the booking transaction,
-- so the stored ranks are gap-free FIFO; meals are counted for the kitchen.
CREATE TABLE day_queue (
    period_id     uuid    NOT NULL REFERENCES period (id) ON DELETE CASCADE,
    date          date    NOT NULL,
    age_group_id  uuid    NOT NULL REFERENCES age_group (id),
    next_rank     integer NOT NULL DEFAULT 1,
    meals         integer NOT NULL DEFAULT 0 CHECK (meals >= 0),
    PRIMARY KEY (period_id, date, age_group_id)
);

CREATE TABLE reservation (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    booking_id      uuid        NOT NULL,
    family_id       uuid        NOT NULL,
    child_id        uuid        NOT NULL,
    period_id       uuid        NOT NULL REFERENCES period (id),
    age_group_id    uuid        NOT NULL REFERENCES age_group (id),
    date            date        NOT NULL,
    unit            text        NOT NULL CHECK (unit IN ('JOURNEE_REPAS', 'JOURNEE', 'MATIN_REPAS', 'MATIN', 'APRES_MIDI_REPAS', 'APRES_MIDI')),
    status          text        NOT NULL CHECK (status IN ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
    waitlist_seq    integer,
    late            boolean     NOT NULL DEFAULT false,
    billable        boolean     NOT NULL DEFAULT true,
    booked_by       text        NOT NULL,
    reason          text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
-- A child has at most one live reservation per day of a period (whatever the unit): no double booking.
CREATE UNIQUE INDEX reservation_live_child_day ON reservation (child_id, period_id, date) WHERE status <> 'CANCELLED';
CREATE INDEX reservation_family ON reservation (family_id, date);
CREATE INDEX reservation_queue ON reservation (period_id, date, age_group_id, waitlist_seq) WHERE status = 'WAITLISTED';

-- Idempotency-Key (IETF draft): one row per caller and key; the stored answer is written in the booking's
-- own transaction, so a replay returns exactly what was answered.
CREATE TABLE idempotency_key (
    caller          text        NOT NULL,
    key             text        NOT NULL,
    request_hash    text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('IN_FLIGHT', 'DONE')),
    response_status integer,
    response_body   text,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (caller, key)
);

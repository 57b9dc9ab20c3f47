-- What billing keeps of account-service's families: the name and address printed on the invoice and the
-- quotient familial the price bracket is chosen by (NULL: unknown, priced at the highest bracket).
CREATE TABLE family (
    id                uuid PRIMARY KEY,
    family_name       text        NOT NULL,
    address           text,
    postal_code       text,
    town              text,
    quotient_familial integer,
    updated_at        timestamptz NOT NULL
);

-- Monthly invoices per family and structure. The number is gap-free per structure and year: it comes
-- from invoice_counter, updated in the transaction that issues the invoice (a rollback gives it back).
CREATE TABLE invoice (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    number            text        NOT NULL,
    family_id         uuid        NOT NULL,
    family_name       text        NOT NULL,
    family_address    text,
    quotient_familial integer,
    structure_id      uuid        NOT NULL,
    structure_name    text        NOT NULL,
    month             text        NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    total_cents       integer     NOT NULL CHECK (total_cents >= 0),
    status            text        NOT NULL CHECK (status IN ('ISSUED', 'PAID')),
    issued_at         timestamptz NOT NULL,
    due_date          date        NOT NULL,
    paid_at           timestamptz,
    UNIQUE (structure_id, number)
);
CREATE INDEX invoice_family ON invoice (family_id, issued_at DESC);

CREATE TABLE invoice_counter (
    structure_id uuid    NOT NULL,
    year         integer NOT NULL,
    last_number  integer NOT NULL CHECK (last_number > 0),
    PRIMARY KEY (structure_id, year)
);

-- A booked place, from reservation-service's events: billed once (the reservation id is the key), on the
-- invoice of its month. A free cancellation makes it not billable; a late billable one keeps it billed.
-- The prices are written when the line is invoiced.
CREATE TABLE billable_line (
    reservation_id   uuid        PRIMARY KEY,
    family_id        uuid        NOT NULL,
    child_id         uuid        NOT NULL,
    child_first_name text        NOT NULL,
    structure_id     uuid        NOT NULL,
    structure_name   text        NOT NULL,
    date             date        NOT NULL,
    unit             text        NOT NULL CHECK (unit IN ('JOURNEE_REPAS', 'JOURNEE', 'MATIN_REPAS', 'MATIN',
                                                          'APRES_MIDI_REPAS', 'APRES_MIDI')),
    meal             boolean     NOT NULL,
    billable         boolean     NOT NULL,
    late_cancelled   boolean     NOT NULL DEFAULT false,
    received_at      timestamptz NOT NULL,
    invoice_id       uuid REFERENCES invoice (id) DEFERRABLE INITIALLY DEFERRED,
    unit_price_cents integer,
    meal_price_cents integer,
    amount_cents     integer
);
CREATE INDEX billable_line_to_invoice ON billable_line (date, family_id, structure_id) WHERE invoice_id IS NULL AND billable;
CREATE INDEX billable_line_invoice ON billable_line (invoice_id);

-- Online payments, PayFiP-style: an operation id handed to the payment service, whose signed
-- notification decides. At most one PAID payment per invoice, enforced here.
CREATE TABLE payment (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    invoice_id   uuid        NOT NULL REFERENCES invoice (id),
    family_id    uuid        NOT NULL,
    operation_id text        NOT NULL UNIQUE,
    amount_cents integer     NOT NULL,
    status       text        NOT NULL CHECK (status IN ('PENDING', 'PAID', 'REFUSED', 'ABANDONED', 'DUPLICATE')),
    result_code  text CHECK (result_code IN ('P', 'V', 'R', 'Z', 'A')),
    created_at   timestamptz NOT NULL,
    completed_at timestamptz
);
CREATE UNIQUE INDEX payment_one_paid_per_invoice ON payment (invoice_id) WHERE status = 'PAID';
CREATE INDEX payment_invoice ON payment (invoice_id);

-- Idempotency-Key of payment requests, scoped to the caller (as reservation-service's).
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

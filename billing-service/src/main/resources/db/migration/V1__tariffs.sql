-- Prices per structure, booking unit and quotient familial bracket, from a date on. The bracket is
-- inclusive, qf_max NULL means "and above". The meal supplement is added when the amplitude booked
-- includes the meal (JOURNEE_REPAS, MATIN_REPAS, APRES_MIDI_REPAS). Amounts in euro cents.
-- structure_id refers to reservation-service's structure: another service's id, so no foreign key.
CREATE TABLE tariff (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    structure_id     uuid    NOT NULL,
    unit             text    NOT NULL CHECK (unit IN ('JOURNEE', 'MATIN', 'APRES_MIDI')),
    qf_min           integer NOT NULL CHECK (qf_min >= 0),
    qf_max           integer CHECK (qf_max IS NULL OR qf_max >= qf_min),
    price_cents      integer NOT NULL CHECK (price_cents >= 0),
    meal_price_cents integer NOT NULL DEFAULT 0 CHECK (meal_price_cents >= 0),
    valid_from       date    NOT NULL,
    UNIQUE (structure_id, unit, valid_from, qf_min)
);

-- The test application's own state, migrated by Boot's Flyway beside the platform's messaging schema.
CREATE TABLE note (
    id         uuid PRIMARY KEY,
    text       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- What the test consumer did: one row per successful handler run.
CREATE TABLE handled (
    id          bigserial PRIMARY KEY,
    request_id  uuid        NOT NULL,
    family_name text        NOT NULL,
    handled_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);

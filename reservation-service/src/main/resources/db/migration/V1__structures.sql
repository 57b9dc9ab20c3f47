-- The places children are welcomed: leisure centres (ALSH), crèches / multi-accueil, périscolaire.
CREATE TABLE structure (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 150),
    kind          text        NOT NULL CHECK (kind IN ('ALSH', 'CRECHE', 'PERISCOLAIRE')),
    address       text        NOT NULL,
    town          text        NOT NULL,
    contact_email text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- One structure per name and town: a double submission is explained, not silently doubled.
CREATE UNIQUE INDEX structure_name_town ON structure (lower(name), lower(town));

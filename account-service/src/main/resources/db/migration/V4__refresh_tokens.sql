-- Refresh tokens: a web session that outlives the 30-minute access token (issue 9). Only the SHA-256 of
-- the 256-bit secret is kept. Every token descends from one login; session_id groups them (the token
-- "family" of OAuth 2.0 Security BCP §4.14), so replaying a rotated token revokes the whole session.
CREATE TABLE refresh_token (
    token_hash         text PRIMARY KEY,
    session_id         uuid        NOT NULL,
    user_id            uuid        NOT NULL REFERENCES user_account (id),
    issued_at          timestamptz NOT NULL,
    -- Idle end: issued_at + the idle lifetime, never after session_expires_at.
    expires_at         timestamptz NOT NULL,
    -- Absolute end of the session, fixed at login.
    session_expires_at timestamptz NOT NULL,
    -- Set when exchanged for a new token: presenting it again is a replay.
    rotated_at         timestamptz,
    revoked_at         timestamptz
);
CREATE INDEX refresh_token_session ON refresh_token (session_id);
CREATE INDEX refresh_token_user ON refresh_token (user_id);

-- Account e-mails (someone is waiting at a screen for an activation or reset link) go ahead of bulk mail:
-- 0 = ACCOUNT, 1 = DEADLINE (an offer to answer in time), 2 = BULK (confirmations, invoices, documents).
-- The sender claims by priority, then age; the value comes from NotificationCatalog when the row is queued.
ALTER TABLE delivery ADD COLUMN priority smallint NOT NULL DEFAULT 2 CHECK (priority BETWEEN 0 AND 2);

UPDATE delivery SET priority = 0
WHERE template IN ('account-request-received', 'account-request-approved', 'account-request-rejected',
                   'password-reset-requested', 'password-changed');
UPDATE delivery SET priority = 1 WHERE template = 'waitlist-offer-made';

-- The claim: QUEUED rows in (priority, created_at) order, read from the front of this index; the due
-- condition (next_attempt_at) skips the few rows in flight or backing off.
CREATE INDEX delivery_claim ON delivery (priority, created_at) WHERE status = 'QUEUED';
-- It also serves the queue metrics (depth and oldest row per priority) without reading the SENT history.

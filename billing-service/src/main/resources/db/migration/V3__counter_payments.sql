-- Payments taken at the counter of the service (cash, cheque, CESU) beside the online ones: the same
-- table, so "at most one PAID payment per invoice" (payment_one_paid_per_invoice) holds across both.
-- A counter payment has no PayFiP operation: its operation id is its own ("GUICHET-<id>") and its
-- result code G (guichet); reference is the cheque or CESU number; recorded_by the staff member.
ALTER TABLE payment ADD COLUMN method text NOT NULL DEFAULT 'ONLINE' CHECK (method IN ('ONLINE', 'CASH', 'CHEQUE', 'CESU'));
ALTER TABLE payment ADD COLUMN reference text CHECK (length(reference) <= 100);
ALTER TABLE payment ADD COLUMN recorded_by uuid;
ALTER TABLE payment DROP CONSTRAINT payment_result_code_check;
ALTER TABLE payment ADD CONSTRAINT payment_result_code_check CHECK (result_code IN ('P', 'V', 'R', 'Z', 'A', 'G'));
CREATE INDEX payment_created ON payment (created_at DESC);
CREATE INDEX invoice_month ON invoice (month, issued_at DESC);

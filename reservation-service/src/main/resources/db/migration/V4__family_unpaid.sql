-- What billing-service says a family still owes (InvoiceIssued / PaymentReceived carry the family's total of
-- unpaid invoices after the change): the "unpaid invoices" booking rule reads only this. as_of is the event's
-- time, so an older event arriving late never overwrites a newer total. No row = nothing owed.
CREATE TABLE family_balance (
    family_id     uuid        PRIMARY KEY,
    unpaid_cents  integer     NOT NULL CHECK (unpaid_cents >= 0),
    as_of         timestamptz NOT NULL
);

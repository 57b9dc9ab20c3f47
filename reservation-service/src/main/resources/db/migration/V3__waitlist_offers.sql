-- Waiting list "offer held N hours" (activity.waitlist_policy = 'OFFER'): a freed place is held for the first
-- waiting child (day_slot.booked counts it, so nobody else can book it) and the reservation is OFFERED until
-- offer_expires_at; the parent accepts (CONFIRMED) or declines (CANCELLED), or the offer expires (CANCELLED,
-- the place goes to the next child).
ALTER TABLE reservation DROP CONSTRAINT reservation_status_check;
ALTER TABLE reservation ADD CONSTRAINT reservation_status_check
    CHECK (status IN ('CONFIRMED', 'WAITLISTED', 'OFFERED', 'CANCELLED'));
ALTER TABLE reservation ADD COLUMN offer_expires_at timestamptz;
ALTER TABLE reservation ADD CONSTRAINT reservation_offer_expiry CHECK (status <> 'OFFERED' OR offer_expires_at IS NOT NULL);

-- The expiry loop claims due offers with FOR UPDATE SKIP LOCKED, oldest deadline first.
CREATE INDEX reservation_offer_due ON reservation (offer_expires_at) WHERE status = 'OFFERED';

-- The naive read-then-write an application does when it decides "full or not" itself (Noethys-style).
BEGIN;
SELECT booked, capacity FROM slot WHERE id = 1 \gset
\if :booked < :capacity
UPDATE slot SET booked = :booked + 1 WHERE id = 1;
INSERT INTO res (slot, status) VALUES (1, 'CONFIRMED');
\else
INSERT INTO res (slot, status) VALUES (1, 'WAITLISTED');
\endif
END;

-- What reservation-service does: the database decides (conditional update), the waiting rank comes
-- from a counter row in the same transaction.
BEGIN;
WITH taken AS (UPDATE slot SET booked = booked + 1 WHERE id = 1 AND booked < capacity RETURNING id),
     waiting AS (UPDATE queue SET next_rank = next_rank + 1 WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM taken)
                 RETURNING next_rank - 1 AS rank)
INSERT INTO res (slot, status, rank)
SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM taken) THEN 'CONFIRMED' ELSE 'WAITLISTED' END, (SELECT rank FROM waiting);
END;

-- One booking of one whole day, as reservation-service writes it (see schema.sql).
\set day random(1, 20)
\set child random(1, 5000)
\set key random(1, 2000000000)
INSERT INTO idem (caller, key, status) VALUES ('family:' || :child, :key || '-' || :client_id, 'IN_FLIGHT') ON CONFLICT DO NOTHING;
BEGIN;
WITH taken AS (UPDATE slot SET booked = booked + 1 WHERE day = :day AND booked < capacity RETURNING half),
     waiting AS (UPDATE queue SET next_rank = next_rank + 1 WHERE day = :day AND (SELECT count(*) FROM taken) < 2
                 RETURNING next_rank - 1 AS rank)
INSERT INTO res (booking, child, day, status, rank)
SELECT gen_random_uuid(), :child, :day, CASE WHEN (SELECT count(*) FROM taken) = 2 THEN 'CONFIRMED' ELSE 'WAITLISTED' END,
       (SELECT rank FROM waiting);
INSERT INTO outbox (aggregateid, type, payload) VALUES (:child, 'reservation.confirmed',
    jsonb_build_object('reservationId', gen_random_uuid(), 'familyId', gen_random_uuid(), 'childId', :child, 'childFirstName', 'Enfant',
                       'structureName', 'Accueil de loisirs Les Petits Loups', 'date', '2027-04-05', 'unit', 'JOURNEE', 'meal', false));
INSERT INTO outbox (aggregateid, type, payload) VALUES (:child, 'booking.placed',
    jsonb_build_object('bookingId', gen_random_uuid(), 'familyId', gen_random_uuid(), 'structureName', 'Accueil de loisirs Les Petits Loups',
                       'periodName', 'Vacances de printemps 2027', 'lines', jsonb_build_array(jsonb_build_object('childId', :child, 'status', 'CONFIRMED'))));
UPDATE idem SET status = 'DONE', body = '{"bookingId":"…","lines":[{"status":"CONFIRMED"}]}' WHERE caller = 'family:' || :child AND key = :key || '-' || :client_id;
END;

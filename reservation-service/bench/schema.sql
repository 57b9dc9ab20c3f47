-- The capacity transaction alone, without HTTP or Java: one hot day (one slot row) of :capacity places.
DROP TABLE IF EXISTS slot, queue, res;
CREATE TABLE slot (id int PRIMARY KEY, capacity int NOT NULL, booked int NOT NULL DEFAULT 0);
CREATE TABLE queue (id int PRIMARY KEY, next_rank int NOT NULL DEFAULT 1);
CREATE TABLE res (id bigserial PRIMARY KEY, slot int NOT NULL, status text NOT NULL, rank int);
INSERT INTO slot (id, capacity) VALUES (1, 100);
INSERT INTO queue (id) VALUES (1);

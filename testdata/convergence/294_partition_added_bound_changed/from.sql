CREATE TABLE metrics (id integer NOT NULL, at integer NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE metrics_a PARTITION OF metrics FOR VALUES FROM (0) TO (100);
CREATE TABLE metrics_b PARTITION OF metrics FOR VALUES FROM (100) TO (200);
CREATE TABLE metrics_old PARTITION OF metrics FOR VALUES FROM (-100) TO (0);
CREATE TABLE metrics_c (id integer NOT NULL, at integer NOT NULL);
INSERT INTO metrics VALUES (1, 5), (2, 150), (3, -5);
INSERT INTO metrics_c VALUES (4, 250);

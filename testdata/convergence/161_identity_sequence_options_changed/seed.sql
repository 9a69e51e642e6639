INSERT INTO counters (label) VALUES ('a'), ('b');

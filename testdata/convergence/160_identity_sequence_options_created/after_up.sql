INSERT INTO counters (label) VALUES ('first'), ('second');

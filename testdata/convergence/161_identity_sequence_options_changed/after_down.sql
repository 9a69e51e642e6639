INSERT INTO counters (label) VALUES ('after down');

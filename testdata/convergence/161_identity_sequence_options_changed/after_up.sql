INSERT INTO counters (label) VALUES ('after up');

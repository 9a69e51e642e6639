INSERT INTO events (id, happened) VALUES (1, 1700000000), (2, 0);

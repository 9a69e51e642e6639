INSERT INTO payments VALUES (1, 10), (2, 250);

INSERT INTO parents VALUES (1, 1);
INSERT INTO children VALUES (1, 1, 1, 7, 5), (2, NULL, NULL, 8, 50);

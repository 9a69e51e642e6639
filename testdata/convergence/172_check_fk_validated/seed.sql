INSERT INTO orders VALUES (1, NULL, 3), (2, 1, 4);

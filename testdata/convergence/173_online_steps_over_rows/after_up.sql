INSERT INTO events VALUES (501, 1, 'view', 3);

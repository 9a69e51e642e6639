INSERT INTO documents VALUES (1, 'a', 'one'), (2, 'b', 'two');

INSERT INTO users VALUES (1, 'ann', 'ann@example.com', true, 3), (2, 'bob', 'bob@example.com', false, NULL);
INSERT INTO orders VALUES (1, 1, 10.50, 'paid'), (2, 1, 4.00, 'cancelled'), (3, 2, 7.25, 'new');

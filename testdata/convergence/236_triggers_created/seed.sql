INSERT INTO accounts (id, email, name) VALUES (1, 'a@x', 'A'), (2, 'b@x', 'B');

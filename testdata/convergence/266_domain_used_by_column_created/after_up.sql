INSERT INTO stock (qty) VALUES (3);

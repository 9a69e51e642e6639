INSERT INTO reservations VALUES (1, '[1,5)', 'a'), (2, '[5,9)', NULL);

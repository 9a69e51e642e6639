INSERT INTO items VALUES (1, 'a=>1'), (2, NULL);

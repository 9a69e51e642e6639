INSERT INTO customers VALUES (1, ROW('Main St', '12345', ARRAY['a', 'b']));

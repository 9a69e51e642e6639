CREATE TABLE orders (id integer PRIMARY KEY, code text NOT NULL);
CREATE UNIQUE INDEX orders_code_idx ON orders (code);
ALTER TABLE orders REPLICA IDENTITY FULL;

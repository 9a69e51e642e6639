CREATE TABLE products (
    id integer PRIMARY KEY,
    sku varchar(20) NOT NULL,
    name text NOT NULL,
    price numeric(10,2) NOT NULL,
    discount numeric(10,2),
    qty integer NOT NULL,
    kind text,
    released date,
    CONSTRAINT products_sku_format CHECK (sku LIKE 'SKU-%'),
    CONSTRAINT products_name_len CHECK (length(btrim(name)) > 0),
    CONSTRAINT products_qty_range CHECK (qty BETWEEN 0 AND 1000),
    CONSTRAINT products_discount_lt CHECK (discount IS DISTINCT FROM price),
    CONSTRAINT products_kind_not_in CHECK (kind NOT IN ('x', 'y')),
    CONSTRAINT products_price_cast CHECK (price::integer >= 0),
    CONSTRAINT products_released_after CHECK (released > '2000-01-01'::date),
    CONSTRAINT products_name_ilike CHECK (name !~~* '%test%')
);

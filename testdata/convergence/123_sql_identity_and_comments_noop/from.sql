CREATE SCHEMA billing;
COMMENT ON SCHEMA billing IS 'Money matters';

CREATE TABLE billing.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 10) PRIMARY KEY,
    number varchar(30) COLLATE "C" NOT NULL,
    note text
);
COMMENT ON TABLE billing.invoices IS 'One row per invoice sent';
COMMENT ON COLUMN billing.invoices.number IS 'Printed on the invoice';

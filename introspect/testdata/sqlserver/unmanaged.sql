-- Objects around a table, read with and without their schema
-- (unmanaged.json holds the catalog rows; README.md cites the catalog
-- views): in schema reporting, a view WITH SCHEMABINDING over two columns
-- (SQL Server refuses to drop or retype them, Msg 5074/4922, or to drop
-- the table, Msg 3729) and a procedure that reads the table without schema
-- binding (dropping the table succeeds and leaves it failing); a trigger
-- on the table, a synonym and a sequence in dbo. The view, procedure,
-- trigger and sequence are read into the model; the synonym is a warning.
-- Read without schema reporting, the view and the procedure are unmanaged
-- dependents of the table.
CREATE SCHEMA reporting;
GO
CREATE TABLE dbo.customers (
    id int NOT NULL CONSTRAINT pk_customers PRIMARY KEY CLUSTERED,
    name nvarchar(100) NOT NULL,
    email nvarchar(320) NULL
);
GO
CREATE VIEW reporting.customer_emails WITH SCHEMABINDING AS
SELECT id, email FROM dbo.customers;
GO
CREATE PROCEDURE reporting.list_customers AS
SELECT id, name FROM dbo.customers;
GO
CREATE TRIGGER dbo.trg_customers_trim ON dbo.customers AFTER UPDATE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE c SET name = LTRIM(c.name) FROM dbo.customers AS c JOIN inserted AS i ON i.id = c.id;
END;
GO
CREATE SYNONYM dbo.clients FOR dbo.customers;
CREATE SEQUENCE dbo.invoice_numbers AS bigint START WITH 1000;
GO

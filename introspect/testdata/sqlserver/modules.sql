-- Views, functions, procedures, triggers and sequences as SQL Server keeps
-- them (modules.json holds the catalog rows; README.md cites the catalog
-- views): sys.sql_modules keeps each module's text as written, the comment
-- before CREATE included, and the SET options it was created under.
CREATE SCHEMA reporting;
GO
CREATE TABLE dbo.orders (
    id int NOT NULL CONSTRAINT pk_orders PRIMARY KEY,
    customer nvarchar(100) NOT NULL,
    amount decimal(10,2) NOT NULL,
    status nvarchar(20) NOT NULL
);
GO
/* Open orders, for the dashboard. */
CREATE VIEW reporting.open_orders
WITH SCHEMABINDING
AS
SELECT id, customer, amount -- what the dashboard shows
FROM dbo.orders
WHERE status = N'open';
GO
CREATE VIEW dbo.big_orders (order_id, total) AS SELECT id, amount FROM dbo.orders WHERE amount > 1000 WITH CHECK OPTION;
GO
CREATE VIEW dbo.secret WITH ENCRYPTION AS SELECT 1 AS one;
GO
SET QUOTED_IDENTIFIER OFF;
GO
CREATE PROCEDURE dbo.close_order @id int AS
UPDATE dbo.orders SET status = "closed" WHERE id = @id;
GO
SET QUOTED_IDENTIFIER ON;
GO
CREATE FUNCTION dbo.order_total(@customer nvarchar(100)) RETURNS decimal(12,2)
WITH SCHEMABINDING
AS
BEGIN
    RETURN (SELECT SUM(amount) FROM dbo.orders WHERE customer = @customer);
END;
GO
CREATE FUNCTION reporting.orders_of(@customer nvarchar(100)) RETURNS TABLE AS
RETURN SELECT id, amount FROM dbo.orders WHERE customer = @customer;
GO
CREATE TRIGGER dbo.trg_orders_status ON dbo.orders AFTER INSERT, UPDATE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE o SET status = LOWER(o.status) FROM dbo.orders AS o JOIN inserted AS i ON i.id = o.id;
END;
GO
DISABLE TRIGGER dbo.trg_orders_status ON dbo.orders;
GO
CREATE TRIGGER reporting.trg_open_orders_delete ON reporting.open_orders INSTEAD OF DELETE AS
DELETE FROM dbo.orders WHERE id IN (SELECT id FROM deleted);
GO
CREATE SEQUENCE dbo.order_numbers AS int START WITH 1000 INCREMENT BY 10 MINVALUE 1000 NO CACHE;
CREATE SEQUENCE dbo.ticket_ids;
CREATE SEQUENCE reporting.big AS decimal(38,0) START WITH 1 CYCLE CACHE 50;
GO
EXEC sys.sp_addextendedproperty N'MS_Description', N'Orders not yet shipped', N'SCHEMA', N'reporting', N'VIEW', N'open_orders';
GO

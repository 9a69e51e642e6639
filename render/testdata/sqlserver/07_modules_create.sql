-- + create table dbo.mod_orders
-- + create sequence dbo.order_numbers
-- + create sequence dbo.ticket_ids
-- + create function dbo.order_total
-- + create procedure dbo.close_order
-- + create view dbo.open_orders
-- + create view dbo.odd]view
-- + create trigger trg_mod_orders_touch on dbo.mod_orders
-- 8 changes: 8 to add, 0 to change, 0 to drop

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE TABLE [dbo].[mod_orders] (
  [id] int IDENTITY(1, 1) NOT NULL,
  [amount] decimal(10,2) NOT NULL,
  [status] nvarchar(20) NOT NULL,
  CONSTRAINT [pk_mod_orders] PRIMARY KEY CLUSTERED ([id])
);
GO

CREATE SEQUENCE [dbo].[order_numbers] AS int START WITH 1000 INCREMENT BY 1 MINVALUE 1000 NO CACHE;
GO

CREATE SEQUENCE [dbo].[ticket_ids] AS bigint START WITH 0 INCREMENT BY -1 MAXVALUE 0;
GO

CREATE OR ALTER FUNCTION [dbo].[order_total] (@id int)
RETURNS decimal(10,2)
AS
BEGIN
  RETURN (SELECT amount FROM dbo.mod_orders WHERE id = @id);
END;
GO

SET QUOTED_IDENTIFIER OFF;
GO
CREATE OR ALTER PROCEDURE [dbo].[close_order] @id int
AS
-- QUOTED_IDENTIFIER OFF: "…" is a string
UPDATE dbo.mod_orders SET status = "closed" WHERE id = @id;
GO
SET QUOTED_IDENTIFIER ON;
GO

CREATE OR ALTER VIEW [dbo].[open_orders]
WITH SCHEMABINDING
AS
-- orders not yet shipped
SELECT id, amount FROM dbo.mod_orders WHERE status = N'open';
GO

CREATE OR ALTER VIEW [dbo].[odd]]view] ([order_id]) AS
SELECT id FROM dbo.mod_orders WHERE amount > 0
WITH CHECK OPTION;
GO

CREATE OR ALTER TRIGGER [dbo].[trg_mod_orders_touch] ON dbo.mod_orders
AFTER INSERT, UPDATE
AS
SET NOCOUNT ON;
UPDATE o SET status = LOWER(o.status) FROM dbo.mod_orders AS o JOIN inserted AS i ON i.id = o.id;
GO
DISABLE TRIGGER [dbo].[trg_mod_orders_touch] ON [dbo].[mod_orders];
GO

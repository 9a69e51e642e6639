-- ~ replace view dbo.open_orders (CREATE OR ALTER)
-- ~ replace procedure dbo.order_total: body
-- ~ replace procedure dbo.close_order: body
-- ~ enable trigger trg_mod_orders_touch on dbo.mod_orders
-- ~ alter sequence dbo.order_numbers: start 1000 → 1, increment 1 → 5, min 1000 → default, max default → 99999, cache 1 → 50, cycle false → true
-- 5 changes: 0 to add, 5 to change, 0 to drop

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE OR ALTER VIEW [dbo].[open_orders]
WITH SCHEMABINDING
AS
-- orders not yet shipped
SELECT id, amount FROM dbo.mod_orders WHERE status = N'open' AND amount > 0;
GO

DROP FUNCTION [dbo].[order_total];
GO
CREATE OR ALTER PROCEDURE [dbo].[order_total] @id int AS
SELECT amount FROM dbo.mod_orders WHERE id = @id;
GO

SET QUOTED_IDENTIFIER OFF;
GO
CREATE OR ALTER PROCEDURE [dbo].[close_order] @id int
AS
-- QUOTED_IDENTIFIER OFF: "…" is a string
UPDATE dbo.mod_orders SET status = "done" WHERE id = @id;
GO
SET QUOTED_IDENTIFIER ON;
GO

CREATE OR ALTER TRIGGER [dbo].[trg_mod_orders_touch] ON dbo.mod_orders
AFTER INSERT, UPDATE
AS
SET NOCOUNT ON;
UPDATE o SET status = LOWER(o.status) FROM dbo.mod_orders AS o JOIN inserted AS i ON i.id = o.id;
GO

ALTER SEQUENCE [dbo].[order_numbers] RESTART WITH 1 INCREMENT BY 5 NO MINVALUE MAXVALUE 99999 CYCLE CACHE 50;
GO

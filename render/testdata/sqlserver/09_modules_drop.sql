-- ~ alter sequence dbo.order_numbers: type int → bigint
-- - drop trigger trg_mod_orders_touch on dbo.mod_orders
-- - drop view dbo.odd]view
-- - drop view dbo.open_orders
-- - drop procedure dbo.order_total
-- - drop procedure dbo.close_order
-- - drop sequence dbo.order_numbers
-- - drop sequence dbo.ticket_ids
-- - drop table dbo.mod_orders
-- 9 changes: 0 to add, 1 to change, 8 to drop

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

DROP SEQUENCE [dbo].[order_numbers];
GO
CREATE SEQUENCE [dbo].[order_numbers] AS bigint START WITH 1 INCREMENT BY 5 MAXVALUE 99999 CYCLE CACHE 50;
GO

DROP TRIGGER [dbo].[trg_mod_orders_touch];
GO

DROP VIEW [dbo].[odd]]view];
GO

DROP VIEW [dbo].[open_orders];
GO

DROP PROCEDURE [dbo].[order_total];
GO

DROP PROCEDURE [dbo].[close_order];
GO

DROP SEQUENCE [dbo].[order_numbers];
GO

DROP SEQUENCE [dbo].[ticket_ids];
GO

DROP TABLE [dbo].[mod_orders];
GO

-- - drop foreign key fk_orders_tenant from dbo.orders
-- - drop table dbo.orders
--     ! error drop-table: dropping dbo.orders loses its rows
-- - drop table sales.odd]name
-- ~ remove comment on schema sales
-- - drop schema sales
-- - drop schema x'; DROP TABLE y;--
--     ! warning drop-schema: dropping schema x'; DROP TABLE y;--
-- 6 changes: 0 to add, 1 to change, 5 to drop; 1 error, 1 warning

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

ALTER TABLE [dbo].[orders] DROP CONSTRAINT [fk_orders_tenant];
GO
DROP TABLE [dbo].[orders];
GO

DROP TABLE [sales].[odd]]name];
GO

EXEC sp_dropextendedproperty @name = N'MS_Description', @level0type = N'SCHEMA', @level0name = N'sales';
GO

DROP SCHEMA [sales];
GO

DROP SCHEMA [x'; DROP TABLE y;--];
GO

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

ALTER TABLE [dbo].[orders] DROP CONSTRAINT [fk_orders_customer];
GO
ALTER TABLE [dbo].[orders] DROP CONSTRAINT [ck_orders_amount];
GO

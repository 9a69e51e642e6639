SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

ALTER TABLE [dbo].[orders] DROP CONSTRAINT [fk_orders_customer];
GO
ALTER TABLE [dbo].[orders] DROP CONSTRAINT [ck_orders_amount];
GO
ALTER TABLE [dbo].[orders] ADD CONSTRAINT [ck_orders_amount] CHECK NOT FOR REPLICATION (amount >= 0);
GO
ALTER TABLE [dbo].[orders] ADD CONSTRAINT [fk_orders_customer] FOREIGN KEY ([customer_id]) REFERENCES [dbo].[customers] ([id]) NOT FOR REPLICATION;
GO

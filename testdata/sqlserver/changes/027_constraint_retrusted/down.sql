SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

ALTER TABLE [dbo].[orders] NOCHECK CONSTRAINT [ck_orders_amount];
GO
ALTER TABLE [dbo].[orders] WITH NOCHECK CHECK CONSTRAINT [ck_orders_amount];
GO
ALTER TABLE [dbo].[orders] NOCHECK CONSTRAINT [fk_orders_customer];
GO
ALTER TABLE [dbo].[orders] WITH NOCHECK CHECK CONSTRAINT [fk_orders_customer];
GO

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

ALTER TABLE [dbo].[orders] DROP CONSTRAINT [uq_orders_status_placed];
GO
ALTER TABLE [dbo].[orders] DROP CONSTRAINT [pk_orders];
GO
ALTER TABLE [dbo].[orders] ADD CONSTRAINT [pk_orders] PRIMARY KEY CLUSTERED ([customer_id], [id] DESC);
GO
ALTER TABLE [dbo].[orders] ADD CONSTRAINT [uq_orders_status_placed] UNIQUE NONCLUSTERED ([status], [placed_at] DESC);
GO

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

DROP INDEX [cx_orders_seq] ON [dbo].[orders];
GO
ALTER TABLE [dbo].[orders] DROP COLUMN [seq];
GO
ALTER TABLE [dbo].[orders] ADD [seq] bigint IDENTITY(1, 1) NOT NULL;
GO
CREATE UNIQUE CLUSTERED INDEX [cx_orders_seq] ON [dbo].[orders] ([seq]);
GO

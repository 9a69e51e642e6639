SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

DROP INDEX [ix_order_lines_total] ON [dbo].[order_lines];
GO
ALTER TABLE [dbo].[order_lines] DROP COLUMN [line_total];
GO
ALTER TABLE [dbo].[order_lines] ALTER COLUMN [quantity] int NOT NULL;
GO
ALTER TABLE [dbo].[order_lines] ADD [line_total] AS (quantity * unit_price) PERSISTED;
GO
CREATE NONCLUSTERED INDEX [ix_order_lines_total] ON [dbo].[order_lines] ([line_total]);
GO

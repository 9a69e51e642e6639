SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

DROP VIEW [dbo].[order_customers];
GO

ALTER TABLE [dbo].[orders] ALTER COLUMN [customer] nvarchar(50) NOT NULL;
GO

CREATE OR ALTER VIEW [dbo].[order_customers] WITH SCHEMABINDING AS
SELECT o.id, o.customer FROM dbo.orders AS o;
GO

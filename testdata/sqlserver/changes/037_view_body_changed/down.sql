SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE OR ALTER VIEW [dbo].[big_orders] AS
SELECT id, customer, amount FROM dbo.orders WHERE amount > 1000;
GO

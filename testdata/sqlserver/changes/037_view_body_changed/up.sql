SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE OR ALTER VIEW [dbo].[big_orders] as
  select id, customer, amount
  from dbo.orders
  where amount > 5000;
GO

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE OR ALTER VIEW [dbo].[z_big_orders] as
select id, amount from dbo.orders where amount > 1000;
GO

CREATE OR ALTER VIEW [dbo].[a_top_orders] as
select id, amount from dbo.z_big_orders where amount > 10000;
GO

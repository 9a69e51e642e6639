SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

DROP VIEW [dbo].[a_top_orders];
GO

DROP VIEW [dbo].[z_big_orders];
GO

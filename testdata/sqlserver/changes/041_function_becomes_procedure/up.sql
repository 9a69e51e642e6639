SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

DROP FUNCTION [dbo].[order_total];
GO

CREATE OR ALTER PROCEDURE [dbo].[order_total] @id int
as
  set nocount on;
  select amount from dbo.orders where id = @id;
GO

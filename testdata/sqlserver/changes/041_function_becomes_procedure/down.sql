SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

DROP PROCEDURE [dbo].[order_total];
GO

CREATE OR ALTER FUNCTION [dbo].[order_total](@id int) RETURNS decimal(10,2)
AS BEGIN RETURN (SELECT amount FROM dbo.orders WHERE id = @id) END;
GO

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE OR ALTER FUNCTION [dbo].[order_tax] (@amount decimal(10,2))
returns decimal(10,2)
as
begin
  return @amount * 0.25;
end;
GO

CREATE OR ALTER FUNCTION [dbo].[orders_of](@customer nvarchar(50))
RETURNS TABLE
AS RETURN (SELECT id, amount, updated_at FROM dbo.orders WHERE customer = @customer);
GO

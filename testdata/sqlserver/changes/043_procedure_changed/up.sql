SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE OR ALTER PROCEDURE [dbo].[archive_orders] @before datetime2, @max int = 1000
as
begin
  set nocount on;
  delete top (@max) from dbo.orders where updated_at < @before;
end;
GO

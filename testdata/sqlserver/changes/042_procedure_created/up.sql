SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE OR ALTER PROCEDURE [dbo].[archive_orders] @before datetime2
AS
BEGIN
  SET NOCOUNT ON;
  DELETE FROM dbo.orders WHERE updated_at < @before;
END;
GO

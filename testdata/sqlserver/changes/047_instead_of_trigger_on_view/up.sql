SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE OR ALTER TRIGGER [dbo].[order_list_insert] ON dbo.order_list
INSTEAD OF INSERT
AS
BEGIN
  SET NOCOUNT ON;
  INSERT INTO dbo.orders (id, customer, amount)
  SELECT id, customer, amount FROM inserted;
END;
GO

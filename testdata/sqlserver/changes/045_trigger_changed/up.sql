SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE OR ALTER TRIGGER [dbo].[orders_touch] on dbo.orders
after insert, update
as
  set nocount on;
  update o set updated_at = sysutcdatetime()
  from dbo.orders o join inserted i on i.id = o.id;
GO

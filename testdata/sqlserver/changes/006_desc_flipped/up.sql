SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

DROP INDEX [ix_users_status_id] ON [dbo].[users];
GO
CREATE NONCLUSTERED INDEX [ix_users_status_id] ON [dbo].[users] ([status], [id] DESC);
GO

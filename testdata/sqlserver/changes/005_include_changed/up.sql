SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

DROP INDEX [ix_users_status] ON [dbo].[users];
GO
CREATE NONCLUSTERED INDEX [ix_users_status] ON [dbo].[users] ([status]) INCLUDE ([email], [is_deleted]);
GO

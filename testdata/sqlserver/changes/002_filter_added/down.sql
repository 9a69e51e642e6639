SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

DROP INDEX [ix_users_email] ON [dbo].[users];
GO
CREATE NONCLUSTERED INDEX [ix_users_email] ON [dbo].[users] ([email]);
GO

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

DROP INDEX [ux_users_email] ON [dbo].[users];
GO
CREATE UNIQUE NONCLUSTERED INDEX [ux_users_email] ON [dbo].[users] ([email]) WHERE is_deleted = 0;
GO

DROP INDEX [ux_users_email] ON [dbo].[users];
GO
CREATE UNIQUE NONCLUSTERED INDEX [ux_users_email] ON [dbo].[users] ([email]) WHERE is_deleted = 0;
GO

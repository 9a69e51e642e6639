ALTER TABLE [dbo].[users] DROP CONSTRAINT [ck_users_nickname];
GO
ALTER TABLE [dbo].[users] DROP COLUMN [nickname];
GO

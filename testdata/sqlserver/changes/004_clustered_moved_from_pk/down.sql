SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

DROP INDEX [cx_users_status] ON [dbo].[users];
GO
ALTER TABLE [dbo].[users] DROP CONSTRAINT [pk_users];
GO
ALTER TABLE [dbo].[users] ADD CONSTRAINT [pk_users] PRIMARY KEY CLUSTERED ([id]);
GO

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

ALTER TABLE [dbo].[users] DROP CONSTRAINT [df_users_status];
GO
ALTER TABLE [dbo].[users] ADD CONSTRAINT [df_users_status] DEFAULT (N'invited') FOR [status];
GO
ALTER TABLE [dbo].[users] DROP CONSTRAINT [df_users_created_at];
GO
ALTER TABLE [dbo].[users] ADD CONSTRAINT [df_users_created_at] DEFAULT (SYSUTCDATETIME()) FOR [created_at];
GO

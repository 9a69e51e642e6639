SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

ALTER TABLE [dbo].[users] DROP CONSTRAINT [df_users_legacy_flag];
GO
ALTER TABLE [dbo].[users] DROP COLUMN [legacy_flag];
GO

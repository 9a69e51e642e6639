SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

ALTER TABLE [dbo].[users] ADD [legacy_flag] bit NOT NULL CONSTRAINT [df_users_legacy_flag] DEFAULT (0);
GO

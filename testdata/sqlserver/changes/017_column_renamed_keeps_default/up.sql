SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

EXEC sp_rename N'[dbo].[users].[status]', N'state', N'COLUMN';
GO
EXEC sp_rename N'[dbo].[df_users_status]', N'df_users_state', N'OBJECT';
GO

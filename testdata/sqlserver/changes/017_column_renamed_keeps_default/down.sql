SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

EXEC sp_rename N'[dbo].[users].[state]', N'status', N'COLUMN';
GO
EXEC sp_rename N'[dbo].[df_users_state]', N'df_users_status', N'OBJECT';
GO

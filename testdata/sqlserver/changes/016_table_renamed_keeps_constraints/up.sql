SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

EXEC sp_rename N'[dbo].[accounts]', N'users';
GO
EXEC sp_rename N'[dbo].[df_accounts_status]', N'df_users_status', N'OBJECT';
GO
EXEC sp_rename N'[dbo].[pk_accounts]', N'pk_users', N'OBJECT';
GO
EXEC sp_rename N'[dbo].[uq_accounts_email]', N'uq_users_email', N'OBJECT';
GO
EXEC sp_rename N'[dbo].[ck_accounts_status]', N'ck_users_status', N'OBJECT';
GO
EXEC sp_rename N'[dbo].[users].[ix_accounts_status]', N'ix_users_status', N'INDEX';
GO
EXEC sp_rename N'[dbo].[fk_accounts_team]', N'fk_users_team', N'OBJECT';
GO

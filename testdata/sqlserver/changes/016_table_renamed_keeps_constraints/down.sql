SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

EXEC sp_rename N'[dbo].[users]', N'accounts';
GO
EXEC sp_rename N'[dbo].[df_users_status]', N'df_accounts_status', N'OBJECT';
GO
EXEC sp_rename N'[dbo].[pk_users]', N'pk_accounts', N'OBJECT';
GO
EXEC sp_rename N'[dbo].[uq_users_email]', N'uq_accounts_email', N'OBJECT';
GO
EXEC sp_rename N'[dbo].[ck_users_status]', N'ck_accounts_status', N'OBJECT';
GO
EXEC sp_rename N'[dbo].[accounts].[ix_users_status]', N'ix_accounts_status', N'INDEX';
GO
EXEC sp_rename N'[dbo].[fk_users_team]', N'fk_accounts_team', N'OBJECT';
GO

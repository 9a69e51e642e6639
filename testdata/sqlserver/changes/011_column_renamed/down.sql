EXEC sp_rename N'[dbo].[users].[email_address]', N'email', N'COLUMN';
GO

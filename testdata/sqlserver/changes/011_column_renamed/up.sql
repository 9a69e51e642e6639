EXEC sp_rename N'[dbo].[users].[email]', N'email_address', N'COLUMN';
GO

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

EXEC sp_rename N'[dbo].[users].[email_address]', N'email', N'COLUMN';
GO

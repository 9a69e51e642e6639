ALTER SCHEMA [dbo] TRANSFER [sales].[audit_log];
GO

DROP SCHEMA [sales];
GO

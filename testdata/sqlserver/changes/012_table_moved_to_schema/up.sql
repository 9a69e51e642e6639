CREATE SCHEMA [sales];
GO

ALTER SCHEMA [sales] TRANSFER [dbo].[audit_log];
GO

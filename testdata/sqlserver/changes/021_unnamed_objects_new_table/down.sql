SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

ALTER TABLE [dbo].[users] DROP CONSTRAINT [fk_users_tenant_id];
GO

DROP TABLE [dbo].[tenants];
GO

DROP TABLE [dbo].[users];
GO

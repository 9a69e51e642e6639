SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

ALTER TABLE [dbo].[events] DROP CONSTRAINT [fk_events_tenant];
GO
DROP TABLE [dbo].[events];
GO

DROP TABLE [dbo].[facts];
GO

DROP TABLE [dbo].[tenants];
GO

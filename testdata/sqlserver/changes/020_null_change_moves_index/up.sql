SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

DROP INDEX [ix_tickets_assignee] ON [dbo].[tickets];
GO
ALTER TABLE [dbo].[tickets] ALTER COLUMN [assignee] nvarchar(50) NOT NULL;
GO
CREATE NONCLUSTERED INDEX [ix_tickets_assignee] ON [dbo].[tickets] ([assignee]);
GO

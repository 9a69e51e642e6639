SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

ALTER TABLE [dbo].[users] ADD [nickname] nvarchar(50) NULL;
GO
ALTER TABLE [dbo].[users] ADD CONSTRAINT [ck_users_nickname] CHECK (nickname <> '');
GO

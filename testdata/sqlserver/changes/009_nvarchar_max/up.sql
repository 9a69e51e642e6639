ALTER TABLE [dbo].[users] ALTER COLUMN [bio] nvarchar(max) NULL;
GO

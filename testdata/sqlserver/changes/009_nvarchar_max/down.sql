ALTER TABLE [dbo].[users] ALTER COLUMN [bio] nvarchar(100) NULL;
GO

DROP TABLE [dbo].[events];
GO

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

DECLARE @object_id int = OBJECT_ID(N'[dbo].[events]');
EXEC sys.sp_identitycolumnforreplication @object_id, 0;
GO
ALTER TABLE [dbo].[events] ALTER COLUMN [kind] nvarchar(20) NULL;
GO

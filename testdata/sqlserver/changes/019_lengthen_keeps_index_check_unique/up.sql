SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

DROP INDEX [ix_customers_email_set] ON [dbo].[customers];
GO
ALTER TABLE [dbo].[customers] ALTER COLUMN [email] nvarchar(200) NOT NULL;
GO
CREATE NONCLUSTERED INDEX [ix_customers_email_set] ON [dbo].[customers] ([region]) WHERE email IS NOT NULL;
GO

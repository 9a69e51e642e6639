SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

DROP INDEX [ix_customers_email_set] ON [dbo].[customers];
GO
DROP INDEX [ix_customers_region] ON [dbo].[customers];
GO
ALTER TABLE [dbo].[customers] DROP CONSTRAINT [ck_customers_email];
GO
ALTER TABLE [dbo].[customers] DROP CONSTRAINT [uq_customers_email];
GO
ALTER TABLE [dbo].[customers] ALTER COLUMN [email] nvarchar(100) NOT NULL;
GO
ALTER TABLE [dbo].[customers] ADD CONSTRAINT [uq_customers_email] UNIQUE NONCLUSTERED ([email]);
GO
ALTER TABLE [dbo].[customers] ADD CONSTRAINT [ck_customers_email] CHECK (email LIKE '%@%');
GO
CREATE NONCLUSTERED INDEX [ix_customers_email_set] ON [dbo].[customers] ([region]) WHERE email IS NOT NULL;
GO
CREATE NONCLUSTERED INDEX [ix_customers_region] ON [dbo].[customers] ([region]) INCLUDE ([email]);
GO

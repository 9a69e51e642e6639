SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

ALTER TABLE [dbo].[addresses] DROP CONSTRAINT [fk_addresses_country];
GO

ALTER TABLE [dbo].[countries] DROP CONSTRAINT [pk_countries];
GO

ALTER TABLE [dbo].[addresses] ALTER COLUMN [country_code] nvarchar(3) NOT NULL;
GO

ALTER TABLE [dbo].[countries] ALTER COLUMN [code] nvarchar(3) NOT NULL;
GO
ALTER TABLE [dbo].[countries] ADD CONSTRAINT [pk_countries] PRIMARY KEY CLUSTERED ([code]);
GO

ALTER TABLE [dbo].[addresses] ADD CONSTRAINT [fk_addresses_country] FOREIGN KEY ([country_code]) REFERENCES [dbo].[countries] ([code]);
GO

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

ALTER TABLE [dbo].[addresses] DROP CONSTRAINT [fk_addresses_country];
GO
DROP INDEX [ix_addresses_country] ON [dbo].[addresses];
GO

DROP INDEX [ix_countries_name] ON [dbo].[countries];
GO
ALTER TABLE [dbo].[countries] DROP CONSTRAINT [pk_countries];
GO

ALTER TABLE [dbo].[addresses] ALTER COLUMN [country_code] nvarchar(2) NOT NULL;
GO

ALTER TABLE [dbo].[countries] ALTER COLUMN [code] nvarchar(2) NOT NULL;
GO
ALTER TABLE [dbo].[countries] ADD CONSTRAINT [pk_countries] PRIMARY KEY CLUSTERED ([code]);
GO

CREATE NONCLUSTERED INDEX [ix_addresses_country] ON [dbo].[addresses] ([country_code]);
GO

CREATE NONCLUSTERED INDEX [ix_countries_name] ON [dbo].[countries] ([name]) INCLUDE ([code]);
GO

ALTER TABLE [dbo].[addresses] ADD CONSTRAINT [fk_addresses_country] FOREIGN KEY ([country_code]) REFERENCES [dbo].[countries] ([code]);
GO

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

DROP INDEX [cci_facts] ON [dbo].[facts];
GO

DROP INDEX [ncci_orders] ON [dbo].[orders];
GO

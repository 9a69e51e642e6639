SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

DROP INDEX [ncci_orders] ON [dbo].[orders];
GO

ALTER INDEX [cci_facts] ON [dbo].[facts] REBUILD WITH (DATA_COMPRESSION = COLUMNSTORE);
GO

CREATE NONCLUSTERED COLUMNSTORE INDEX [ncci_orders] ON [dbo].[orders] ([customer_id], [amount]);
GO

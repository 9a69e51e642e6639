-- + create table dbo.metric_types
-- + create table dbo.metrics
-- + create table dbo.metric_facts
-- + add check ck_metrics_k (k <> '') to dbo.metrics
-- + create unique index dbo.ix_metrics_type on dbo.metrics
-- + create columnstore index dbo.ncci_metrics on dbo.metrics where v > 0
-- + create clustered columnstore index dbo.cci_metric_facts on dbo.metric_facts
-- + add foreign key fk_metrics_type (type_id) → dbo.metric_types (id) to dbo.metrics
-- ~ rebuild index dbo.ix_metrics_type on dbo.metrics with DATA_COMPRESSION = PAGE
-- ~ rebuild index dbo.cci_metric_facts on dbo.metric_facts with default options
-- ~ enable check ck_metrics_k on dbo.metrics, checking its rows (WITH CHECK)
-- ~ disable foreign key fk_metrics_type on dbo.metrics
-- 12 changes: 8 to add, 4 to change, 0 to drop

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE TABLE [dbo].[metric_types] (
  [id] int NOT NULL,
  CONSTRAINT [pk_metric_types] PRIMARY KEY CLUSTERED ([id])
);
GO

CREATE TABLE [dbo].[metrics] (
  [id] bigint IDENTITY(1, 1) NOT FOR REPLICATION NOT NULL,
  [k] nvarchar(20) NOT NULL,
  [type_id] int NOT NULL,
  [v] decimal(18,2) NOT NULL,
  CONSTRAINT [pk_metrics] PRIMARY KEY CLUSTERED ([k], [id] DESC),
  CONSTRAINT [uq_metrics_v] UNIQUE NONCLUSTERED ([v] DESC, [id]),
  CONSTRAINT [ck_metrics_v] CHECK NOT FOR REPLICATION (v >= 0)
);
GO

CREATE TABLE [dbo].[metric_facts] (
  [day] date NOT NULL,
  [v] bigint NOT NULL
);
GO

ALTER TABLE [dbo].[metrics] WITH NOCHECK ADD CONSTRAINT [ck_metrics_k] CHECK (k <> '');
GO
ALTER TABLE [dbo].[metrics] NOCHECK CONSTRAINT [ck_metrics_k];
GO
CREATE UNIQUE NONCLUSTERED INDEX [ix_metrics_type] ON [dbo].[metrics] ([type_id], [id]) WITH (PAD_INDEX = ON, FILLFACTOR = 80, IGNORE_DUP_KEY = ON, DATA_COMPRESSION = ROW);
GO
CREATE NONCLUSTERED COLUMNSTORE INDEX [ncci_metrics] ON [dbo].[metrics] ([type_id], [v]) WHERE v > 0;
GO

CREATE CLUSTERED COLUMNSTORE INDEX [cci_metric_facts] ON [dbo].[metric_facts] WITH (DATA_COMPRESSION = COLUMNSTORE_ARCHIVE);
GO

ALTER TABLE [dbo].[metrics] WITH NOCHECK ADD CONSTRAINT [fk_metrics_type] FOREIGN KEY ([type_id]) REFERENCES [dbo].[metric_types] ([id]);
GO
ALTER INDEX [ix_metrics_type] ON [dbo].[metrics] REBUILD WITH (PAD_INDEX = OFF, FILLFACTOR = 100, IGNORE_DUP_KEY = OFF, DATA_COMPRESSION = PAGE);
GO

ALTER INDEX [cci_metric_facts] ON [dbo].[metric_facts] REBUILD WITH (DATA_COMPRESSION = COLUMNSTORE);
GO

ALTER TABLE [dbo].[metrics] WITH CHECK CHECK CONSTRAINT [ck_metrics_k];
GO
ALTER TABLE [dbo].[metrics] NOCHECK CONSTRAINT [fk_metrics_type];
GO

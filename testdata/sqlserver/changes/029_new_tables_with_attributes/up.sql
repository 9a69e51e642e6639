SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE TABLE [dbo].[events] (
  [id] bigint IDENTITY(1, 1) NOT FOR REPLICATION NOT NULL,
  [tenant_id] int NOT NULL,
  [occurred_at] datetime2 NOT NULL,
  [kind] nvarchar(20) NOT NULL,
  [amount] decimal(18,2) NOT NULL,
  CONSTRAINT [pk_events] PRIMARY KEY CLUSTERED ([tenant_id], [occurred_at] DESC, [id]),
  CONSTRAINT [uq_events_kind] UNIQUE NONCLUSTERED ([kind] DESC, [id]),
  CONSTRAINT [ck_events_amount] CHECK NOT FOR REPLICATION (amount >= 0)
);
GO

CREATE TABLE [dbo].[facts] (
  [day] date NOT NULL,
  [value] bigint NOT NULL
);
GO

CREATE TABLE [dbo].[tenants] (
  [id] int NOT NULL,
  CONSTRAINT [pk_tenants] PRIMARY KEY CLUSTERED ([id])
);
GO

ALTER TABLE [dbo].[events] WITH NOCHECK ADD CONSTRAINT [ck_events_kind] CHECK (kind <> '');
GO
ALTER TABLE [dbo].[events] WITH NOCHECK ADD CONSTRAINT [ck_events_recent] CHECK (occurred_at > '2000-01-01');
GO
ALTER TABLE [dbo].[events] NOCHECK CONSTRAINT [ck_events_recent];
GO
CREATE NONCLUSTERED INDEX [ix_events_kind] ON [dbo].[events] ([kind]) WITH (PAD_INDEX = ON, FILLFACTOR = 80, DATA_COMPRESSION = PAGE);
GO
CREATE UNIQUE NONCLUSTERED INDEX [ix_events_tenant_kind] ON [dbo].[events] ([tenant_id], [kind], [id]) WITH (IGNORE_DUP_KEY = ON, DATA_COMPRESSION = ROW);
GO
CREATE NONCLUSTERED COLUMNSTORE INDEX [ncci_events] ON [dbo].[events] ([tenant_id], [amount]);
GO

CREATE CLUSTERED COLUMNSTORE INDEX [cci_facts] ON [dbo].[facts] WITH (DATA_COMPRESSION = COLUMNSTORE_ARCHIVE);
GO

ALTER TABLE [dbo].[events] WITH NOCHECK ADD CONSTRAINT [fk_events_tenant] FOREIGN KEY ([tenant_id]) REFERENCES [dbo].[tenants] ([id]);
GO

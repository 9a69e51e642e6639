-- + create table dbo.events
-- + create index dbo.ix_events_kind on dbo.events
-- + create clustered index dbo.ix_events_id on dbo.events
-- - drop primary key pk_users (id) from dbo.users
-- - drop check  (balance >= -100) from dbo.users
-- - drop column legacy from dbo.users
-- ~ alter column dbo.users.kind: type nvarchar(20) → nvarchar(40)
-- 7 changes: 3 to add, 1 to change, 3 to drop

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE TABLE [dbo].[events] (
  [id] bigint IDENTITY(1, 1) NOT NULL,
  [kind] nvarchar(20) NOT NULL CONSTRAINT [df_events_kind] DEFAULT (N'info'),
  CONSTRAINT [pk_events] PRIMARY KEY NONCLUSTERED ([id])
);
GO
CREATE NONCLUSTERED INDEX [ix_events_kind] ON [dbo].[events] ([kind]);
GO
CREATE CLUSTERED INDEX [ix_events_id] ON [dbo].[events] ([id] DESC);
GO

ALTER TABLE [dbo].[users] DROP CONSTRAINT [PK__users__3213E83F0A9D95DB];
GO
ALTER TABLE [dbo].[users] DROP CONSTRAINT [CK__users__balance__4AB81AF0];
GO
ALTER TABLE [dbo].[users] DROP CONSTRAINT [DF__users__legacy__4BAC3F29];
GO
ALTER TABLE [dbo].[users] DROP COLUMN [legacy];
GO
ALTER TABLE [dbo].[users] DROP CONSTRAINT [DF__users__kind__5AB81AF0];
GO
ALTER TABLE [dbo].[users] ALTER COLUMN [kind] nvarchar(40) NOT NULL;
GO
ALTER TABLE [dbo].[users] ADD CONSTRAINT [df_users_kind] DEFAULT (1) FOR [kind];
GO

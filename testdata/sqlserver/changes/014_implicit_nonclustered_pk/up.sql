SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE TABLE [dbo].[events] (
  [id] uniqueidentifier NOT NULL CONSTRAINT [df_events_id] DEFAULT (NEWSEQUENTIALID()),
  [seq] bigint IDENTITY(1, 1) NOT NULL,
  [payload] nvarchar(max) NULL,
  CONSTRAINT [pk_events] PRIMARY KEY NONCLUSTERED ([id])
);
GO
CREATE UNIQUE CLUSTERED INDEX [cx_events_seq] ON [dbo].[events] ([seq]);
GO
CREATE NONCLUSTERED INDEX [ix_events_recent] ON [dbo].[events] ([seq] DESC) INCLUDE ([payload]);
GO

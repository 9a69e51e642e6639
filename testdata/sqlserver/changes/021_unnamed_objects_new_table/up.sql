SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE TABLE [dbo].[tenants] (
  [id] int NOT NULL,
  CONSTRAINT [pk_tenants] PRIMARY KEY CLUSTERED ([id])
);
GO

CREATE TABLE [dbo].[users] (
  [id] int NOT NULL,
  [tenant_id] int NOT NULL,
  [email] nvarchar(255) NOT NULL,
  [status] nvarchar(20) NOT NULL CONSTRAINT [df_users_status] DEFAULT (N'active'),
  CONSTRAINT [pk_users] PRIMARY KEY CLUSTERED ([id]),
  CONSTRAINT [uq_users_tenant_id_email] UNIQUE NONCLUSTERED ([tenant_id], [email]),
  CONSTRAINT [ck_users_status] CHECK (status <> ''),
  CONSTRAINT [ck_users_status1] CHECK (status IN ('active', 'invited'))
);
GO
CREATE NONCLUSTERED INDEX [ix_users_email] ON [dbo].[users] ([email]);
GO
ALTER TABLE [dbo].[users] ADD CONSTRAINT [fk_users_tenant_id] FOREIGN KEY ([tenant_id]) REFERENCES [dbo].[tenants] ([id]) ON DELETE CASCADE;
GO

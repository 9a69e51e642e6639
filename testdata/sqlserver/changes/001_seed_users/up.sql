SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE TABLE [dbo].[tenants] (
  [id] uniqueidentifier NOT NULL CONSTRAINT [df_tenants_id] DEFAULT (NEWID()),
  [index_id] bigint IDENTITY(1, 1) NOT NULL,
  [name] nvarchar(255) NOT NULL,
  [created_at] datetime2 NOT NULL CONSTRAINT [df_tenants_created_at] DEFAULT (GETDATE()),
  [is_deleted] bit NOT NULL CONSTRAINT [df_tenants_is_deleted] DEFAULT (0),
  CONSTRAINT [pk_tenants] PRIMARY KEY NONCLUSTERED ([id])
);
GO

CREATE TABLE [dbo].[users] (
  [id] uniqueidentifier NOT NULL CONSTRAINT [df_users_id] DEFAULT (NEWID()),
  [index_id] bigint IDENTITY(1, 1) NOT NULL,
  [tenant_id] uniqueidentifier NOT NULL,
  [created_at] datetime2 NOT NULL CONSTRAINT [df_users_created_at] DEFAULT (GETDATE()),
  [updated_at] datetime2 NOT NULL CONSTRAINT [df_users_updated_at] DEFAULT (GETDATE()),
  [is_deleted] bit NOT NULL CONSTRAINT [df_users_is_deleted] DEFAULT (0),
  [identity_provider] nvarchar(50) NOT NULL,
  [identity_provider_id] nvarchar(255) NOT NULL,
  [email] nvarchar(255) NOT NULL,
  [display_name] nvarchar(255) NOT NULL,
  [last_login_at] datetime2 NULL,
  [login_count] int NOT NULL CONSTRAINT [df_users_login_count] DEFAULT (0),
  [total_usage_minutes] int NOT NULL CONSTRAINT [df_users_total_usage_minutes] DEFAULT (0),
  [last_session_start] datetime2 NULL,
  [last_active_at] datetime2 NULL,
  [status] nvarchar(20) NOT NULL CONSTRAINT [df_users_status] DEFAULT (N'active'),
  [user_metadata] nvarchar(4000) NULL,
  CONSTRAINT [pk_users] PRIMARY KEY NONCLUSTERED ([id]),
  CONSTRAINT [ck_users_identity_provider] CHECK (identity_provider IN ('entra_id', 'google', 'email', 'github')),
  CONSTRAINT [ck_users_status] CHECK (status IN ('active', 'invited', 'suspended', 'pending_verification'))
);
GO

CREATE UNIQUE CLUSTERED INDEX [ix_tenants_index_id] ON [dbo].[tenants] ([index_id]);
GO

CREATE UNIQUE CLUSTERED INDEX [ix_users_index_id] ON [dbo].[users] ([index_id]);
GO
CREATE NONCLUSTERED INDEX [ix_users_active] ON [dbo].[users] ([is_deleted]) WHERE is_deleted = 0;
GO
CREATE UNIQUE NONCLUSTERED INDEX [ix_users_identity_provider] ON [dbo].[users] ([identity_provider], [identity_provider_id]) WHERE is_deleted = 0;
GO
CREATE NONCLUSTERED INDEX [ix_users_tenant_active] ON [dbo].[users] ([tenant_id], [is_deleted], [index_id]) WHERE is_deleted = 0;
GO
CREATE UNIQUE NONCLUSTERED INDEX [ix_users_tenant_email] ON [dbo].[users] ([tenant_id], [email]) WHERE is_deleted = 0;
GO
CREATE NONCLUSTERED INDEX [ix_users_tenant_id_lookup] ON [dbo].[users] ([tenant_id], [id]) WHERE is_deleted = 0;
GO
CREATE NONCLUSTERED INDEX [ix_users_tenant_last_login] ON [dbo].[users] ([tenant_id], [last_login_at]) INCLUDE ([email]) WHERE is_deleted = 0;
GO
CREATE NONCLUSTERED INDEX [ix_users_tenant_status] ON [dbo].[users] ([tenant_id], [status]) WHERE is_deleted = 0;
GO
ALTER TABLE [dbo].[users] ADD CONSTRAINT [fk_users_tenant] FOREIGN KEY ([tenant_id]) REFERENCES [dbo].[tenants] ([id]);
GO

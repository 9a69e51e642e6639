-- + create schema sales
-- + create schema x'; DROP TABLE y;--
-- ~ comment on schema sales: 'Sales; it''s ours'
-- + create table dbo.tenants
-- + create unique clustered index dbo.ix_tenants_index_id on dbo.tenants
-- + create table dbo.users
-- + create unique clustered index dbo.ix_users_index_id on dbo.users
-- + create unique index dbo.ix_users_tenant_email on dbo.users where is_deleted = 0
-- + create index dbo.ix_users_active on dbo.users where is_deleted = 0
-- + create index dbo.ix_users_tenant_created on dbo.users where is_deleted = 0
-- + add foreign key fk_users_tenant (tenant_id) → dbo.tenants (id) to dbo.users
-- ~ comment on table dbo.users: 'Application users; one row per login'
-- ~ comment on column dbo.users.email: 'Login, unique per tenant (''case-insensitive'')'
-- + create table sales.orders
-- + add foreign key fk_orders_user (user_id) → dbo.users (id) to sales.orders
-- + add foreign key fk_orders_tenant (tenant_id) → dbo.tenants (id) to sales.orders
-- + create table x'; DROP TABLE y;--.a]b
-- + create index x'; DROP TABLE y;--.ix_a]b on x'; DROP TABLE y;--.a]b where [id] > 0
-- ~ comment on column x'; DROP TABLE y;--.a]b.x'; DROP TABLE y;--: 'x''; DROP TABLE y;--'
-- 19 changes: 15 to add, 4 to change, 0 to drop

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE SCHEMA [sales];
GO

CREATE SCHEMA [x'; DROP TABLE y;--];
GO

EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'Sales; it''s ours', @level0type = N'SCHEMA', @level0name = N'sales';
GO

CREATE TABLE [dbo].[tenants] (
  [id] uniqueidentifier NOT NULL CONSTRAINT [df_tenants_id] DEFAULT (NEWID()),
  [index_id] bigint IDENTITY(1, 1) NOT NULL,
  [name] nvarchar(255) NOT NULL,
  CONSTRAINT [pk_tenants] PRIMARY KEY NONCLUSTERED ([id])
);
GO
CREATE UNIQUE CLUSTERED INDEX [ix_tenants_index_id] ON [dbo].[tenants] ([index_id]);
GO

CREATE TABLE [dbo].[users] (
  [id] uniqueidentifier NOT NULL CONSTRAINT [df_users_id] DEFAULT (NEWID()),
  [index_id] bigint IDENTITY(1, 1) NOT NULL,
  [tenant_id] uniqueidentifier NOT NULL,
  [created_at] datetime2 NOT NULL CONSTRAINT [df_users_created_at] DEFAULT (GETDATE()),
  [is_deleted] bit NOT NULL CONSTRAINT [df_users_is_deleted] DEFAULT (0),
  [is_verified] bit NOT NULL CONSTRAINT [df_users_is_verified] DEFAULT (1),
  [email] nvarchar(255) COLLATE Latin1_General_CI_AS NOT NULL,
  [status] nvarchar(20) NOT NULL CONSTRAINT [df_users_status] DEFAULT (N'active'),
  [login_count] int NOT NULL CONSTRAINT [df_users_login_count] DEFAULT (0),
  [balance] decimal(18,4) NOT NULL CONSTRAINT [df_users_balance] DEFAULT (-1.5),
  [nickname] nvarchar(100) NULL CONSTRAINT [df_users_nickname] DEFAULT (N'anon'),
  [bio] nvarchar(max) NULL,
  [email_domain] AS (SUBSTRING(email, CHARINDEX('@', email) + 1, 255)) PERSISTED,
  [display] AS (UPPER(status)),
  CONSTRAINT [pk_users] PRIMARY KEY NONCLUSTERED ([id]),
  CONSTRAINT [uq_users_email] UNIQUE NONCLUSTERED ([email]),
  CHECK (balance >= -100),
  CONSTRAINT [ck_users_status] CHECK (status IN ('active', 'invited', 'suspended', 'pending_verification'))
);
GO
CREATE UNIQUE CLUSTERED INDEX [ix_users_index_id] ON [dbo].[users] ([index_id]);
GO
CREATE UNIQUE NONCLUSTERED INDEX [ix_users_tenant_email] ON [dbo].[users] ([tenant_id], [email]) WHERE is_deleted = 0;
GO
CREATE NONCLUSTERED INDEX [ix_users_active] ON [dbo].[users] ([is_deleted]) WHERE is_deleted = 0;
GO
CREATE NONCLUSTERED INDEX [ix_users_tenant_created] ON [dbo].[users] ([tenant_id], [created_at] DESC) INCLUDE ([email], [status]) WHERE is_deleted = 0;
GO
ALTER TABLE [dbo].[users] ADD CONSTRAINT [fk_users_tenant] FOREIGN KEY ([tenant_id]) REFERENCES [dbo].[tenants] ([id]);
GO
EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'Application users; one row per login', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'users';
GO
EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'Login, unique per tenant (''case-insensitive'')', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'users', @level2type = N'COLUMN', @level2name = N'email';
GO

CREATE TABLE [sales].[orders] (
  [id] int IDENTITY(100, 5) NOT NULL,
  [user_id] uniqueidentifier NULL,
  [tenant_id] uniqueidentifier NULL,
  [total] decimal(18,4) NOT NULL CONSTRAINT [df_orders_total] DEFAULT (0),
  [note] nvarchar(100) NULL,
  CONSTRAINT [pk_orders] PRIMARY KEY CLUSTERED ([id])
);
GO
ALTER TABLE [sales].[orders] ADD CONSTRAINT [fk_orders_user] FOREIGN KEY ([user_id]) REFERENCES [dbo].[users] ([id]) ON DELETE SET NULL ON UPDATE CASCADE;
GO
ALTER TABLE [sales].[orders] ADD CONSTRAINT [fk_orders_tenant] FOREIGN KEY ([tenant_id]) REFERENCES [dbo].[tenants] ([id]) ON DELETE CASCADE ON UPDATE SET DEFAULT;
GO

CREATE TABLE [x'; DROP TABLE y;--].[a]]b] (
  [id] int NOT NULL,
  [x'; DROP TABLE y;--] nvarchar(50) NOT NULL CONSTRAINT [df_a]]b] DEFAULT (N'it''s''); DROP TABLE y;--'),
  CONSTRAINT [pk_a]]b] PRIMARY KEY CLUSTERED ([id]),
  CONSTRAINT [ck_'a]]b] CHECK ([id] > 0)
);
GO
CREATE NONCLUSTERED INDEX [ix_a]]b] ON [x'; DROP TABLE y;--].[a]]b] ([x'; DROP TABLE y;--]) WHERE [id] > 0;
GO
EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'x''; DROP TABLE y;--', @level0type = N'SCHEMA', @level0name = N'x''; DROP TABLE y;--', @level1type = N'TABLE', @level1name = N'a]b', @level2type = N'COLUMN', @level2name = N'x''; DROP TABLE y;--';
GO

-- - drop foreign key fk_orders_user from sales.orders
-- - drop index dbo.ix_users_active
-- - drop check ck_users_status (status IN ('active')) from dbo.users
-- - drop unique uq_users_email (email) from dbo.users
-- - drop primary key pk_orders (id) from sales.orders
-- ~ rename table sales.orders to dbo.orders
-- ~ rename table x'; DROP TABLE y;--.a]b to sales.odd]name
-- ~ rename table dbo.tenants to dbo.organizations
-- ~ rename column dbo.orders.note to remark
-- - drop column login_count from dbo.users
--     ! error drop-column: dropping dbo.users.login_count loses its values
-- + add column plan to dbo.users
-- + add column last_seen to dbo.users
-- ~ alter column dbo.users.status: default 'active' → 'invited'
-- ~ alter column dbo.users.nickname: type nvarchar(100) → nvarchar(max)
-- ~ alter column dbo.users.bio: set not null, set default ''
-- ~ alter column dbo.users.is_verified: drop default
-- ~ alter column dbo.orders.remark: collation default → Latin1_General_CS_AS
-- ~ alter column dbo.users.display: generated as (LOWER(status)), set not null
-- + add primary key pk_orders (id) to dbo.orders
-- + add unique uq_orders_user (user_id, id) to dbo.orders
--     ! warning unique-may-fail: uq_orders_user fails if dbo.orders holds duplicates
-- + add check ck_users_plan ([plan] IN ('free', 'pro')) to dbo.users
-- ~ comment on schema sales: 'Sales, renamed'
-- ~ comment on table dbo.users: 'People who sign in'
-- ~ remove comment on column dbo.users.email
-- 24 changes: 5 to add, 13 to change, 6 to drop; 1 error, 1 warning

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

ALTER TABLE [sales].[orders] DROP CONSTRAINT [fk_orders_user];
GO

DROP INDEX [ix_users_active] ON [dbo].[users];
GO
ALTER TABLE [dbo].[users] DROP CONSTRAINT [ck_users_status];
GO
ALTER TABLE [dbo].[users] DROP CONSTRAINT [uq_users_email];
GO

ALTER TABLE [sales].[orders] DROP CONSTRAINT [pk_orders];
GO

ALTER SCHEMA [dbo] TRANSFER [sales].[orders];
GO

ALTER SCHEMA [sales] TRANSFER [x'; DROP TABLE y;--].[a]]b];
GO
EXEC sp_rename N'[sales].[a]]b]', N'odd]name';
GO

EXEC sp_rename N'[dbo].[tenants]', N'organizations';
GO

EXEC sp_rename N'[dbo].[orders].[note]', N'remark', N'COLUMN';
GO

ALTER TABLE [dbo].[users] DROP CONSTRAINT [df_users_login_count];
GO
ALTER TABLE [dbo].[users] DROP COLUMN [login_count];
GO
ALTER TABLE [dbo].[users] ADD [plan] nvarchar(20) NOT NULL CONSTRAINT [df_users_plan] DEFAULT (N'free');
GO
ALTER TABLE [dbo].[users] ADD [last_seen] datetime2(3) NULL;
GO
ALTER TABLE [dbo].[users] DROP CONSTRAINT [df_users_status];
GO
ALTER TABLE [dbo].[users] ADD CONSTRAINT [df_users_status] DEFAULT (N'invited') FOR [status];
GO
ALTER TABLE [dbo].[users] DROP CONSTRAINT [df_users_nickname];
GO
ALTER TABLE [dbo].[users] ALTER COLUMN [nickname] nvarchar(max) NULL;
GO
ALTER TABLE [dbo].[users] ADD CONSTRAINT [df_users_nickname] DEFAULT (N'anon') FOR [nickname];
GO
ALTER TABLE [dbo].[users] ALTER COLUMN [bio] nvarchar(max) NOT NULL;
GO
ALTER TABLE [dbo].[users] ADD CONSTRAINT [df_users_bio] DEFAULT (N'') FOR [bio];
GO
ALTER TABLE [dbo].[users] DROP CONSTRAINT [df_users_is_verified];
GO

ALTER TABLE [dbo].[orders] ALTER COLUMN [remark] nvarchar(100) COLLATE Latin1_General_CS_AS NULL;
GO

ALTER TABLE [dbo].[users] DROP COLUMN [display];
GO
ALTER TABLE [dbo].[users] ADD [display] AS (LOWER(status)) PERSISTED NOT NULL;
GO

ALTER TABLE [dbo].[orders] ADD CONSTRAINT [pk_orders] PRIMARY KEY NONCLUSTERED ([id]);
GO
ALTER TABLE [dbo].[orders] ADD CONSTRAINT [uq_orders_user] UNIQUE CLUSTERED ([user_id], [id]);
GO

ALTER TABLE [dbo].[users] ADD CONSTRAINT [ck_users_plan] CHECK ([plan] IN ('free', 'pro'));
GO

EXEC sp_updateextendedproperty @name = N'MS_Description', @value = N'Sales, renamed', @level0type = N'SCHEMA', @level0name = N'sales';
GO

EXEC sp_updateextendedproperty @name = N'MS_Description', @value = N'People who sign in', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'users';
GO
EXEC sp_dropextendedproperty @name = N'MS_Description', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'users', @level2type = N'COLUMN', @level2name = N'email';
GO
